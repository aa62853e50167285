package dev.moa.notifications.template;

import io.quarkus.qute.TemplateExtension;

import java.text.NumberFormat;
import java.util.Locale;

/** Formatting for templates: {@code {amount.krw}} writes 12,345 (KRW has no minor unit). */
@TemplateExtension
public final class Formats {

    private Formats() {
    }

    static String krw(Number amount) {
        return NumberFormat.getIntegerInstance(Locale.US).format(amount.longValue());
    }
}
