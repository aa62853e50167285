package dev.moa.notifications.template;

import java.util.List;
import java.util.Locale;

/** The locales messages are written in: Korean (the default) and English. */
public final class Locales {

    public static final List<String> ALL = List.of("ko", "en");

    private Locales() {
    }

    /** {@code en} for any English locale, else {@code ko}, the default membership gives. */
    public static String of(String wanted) {
        return wanted != null && wanted.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "ko";
    }
}
