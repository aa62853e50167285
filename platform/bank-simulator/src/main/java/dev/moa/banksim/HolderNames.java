package dev.moa.banksim;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the bank compares holder names: Unicode NFC, runs of white space (any Unicode white space, such as the
 * ideographic space) as one space, surrounding space trimmed, case ignored ({@link Locale#ROOT}).
 * "  Kim   Min-su " matches "kim min-su"; 김민수 typed as conjoining jamo matches 김민수 typed as syllables.
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
        return normalize(a).equals(normalize(b));
    }
}
