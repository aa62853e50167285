package dev.moa.chassis.problem;

/** Shared Bean Validation patterns for free text that people type (names, memos, business names). */
public final class Text {

    /** Printable text: no control, format, private-use, unassigned or lone surrogate code points. */
    public static final String PRINTABLE = "^[^\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}]*$";

    public static final String PRINTABLE_MESSAGE = "must be printable text";

    private Text() {
    }
}
