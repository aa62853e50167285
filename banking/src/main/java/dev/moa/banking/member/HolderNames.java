package dev.moa.banking.member;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How banking compares a holder name with a member's name: Unicode NFC (김민수 typed as conjoining jamo equals 김민수
 * typed as syllables), every run of white space (any Unicode white space, such as the ideographic space) as one space,
 * surrounding space trimmed, case ignored ({@link Locale#ROOT}). So "  Kim   Min-su " is "kim min-su"; "Kim Minsu" is
 * not "Kim Min-su" (punctuation counts).
 */
public final class HolderNames {

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private HolderNames() {
    }

    public static String normalize(String name) {
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        String single = SPACES.matcher(composed).replaceAll(" ").strip();
        return Normalizer.normalize(single.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }
}
