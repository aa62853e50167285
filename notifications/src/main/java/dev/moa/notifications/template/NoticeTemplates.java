package dev.moa.notifications.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders a notice kind in a locale. Each kind has, under {@code templates/notices/<kind>/}, a {@code <locale>.txt}
 * with the fragments {@code subject} (mail subject and feed title), {@code summary} (the feed's one line) and
 * {@code body} (the mail's text), and a {@code <locale>.html} (the mail's HTML body). The layouts under
 * {@code notices/layout/} add the greeting and the footer (unsubscribe link, or why there is none).
 */
@ApplicationScoped
public class NoticeTemplates {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;

    /** What the feed shows. */
    public record Headline(String title, String summary) {
    }

    /** What a mail carries. */
    public record MailBody(String subject, String text, String html) {
    }

    private final Engine engine;

    public NoticeTemplates(Engine engine) {
        this.engine = engine;
    }

    /** The feed's title and summary of a notice. */
    public Headline headline(String kind, String locale, Map<String, Object> params, String name) {
        Template text = template(kind, locale, "txt");
        Map<String, Object> data = data(params, name, null);
        return new Headline(oneLine(render(text.getFragment("subject"), data), MAX_TITLE),
                oneLine(render(text.getFragment("summary"), data), MAX_SUMMARY));
    }

    /**
     * The mail of a notice. {@code unsubscribeUrl} is null for mandatory categories (the footer then says why the
     * mail cannot be switched off).
     */
    public MailBody mail(String kind, String locale, Map<String, Object> params, String name, String unsubscribeUrl) {
        Template text = template(kind, locale, "txt");
        Map<String, Object> data = data(params, name, unsubscribeUrl);
        String subject = oneLine(render(text.getFragment("subject"), data), MAX_TITLE);
        String textBody = render(text.getFragment("body"), data).strip();
        String htmlBody = render(template(kind, locale, "html"), data);
        Map<String, Object> layout = new HashMap<>(data);
        layout.put("subject", subject);
        layout.put("body", textBody);
        String fullText = render(layoutOf(locale, "txt"), layout).strip() + "\n";
        layout.put("body", htmlBody);
        return new MailBody(subject, fullText, render(layoutOf(locale, "html"), layout));
    }

    /** Whether the templates of {@code kind} exist for every locale. */
    public boolean has(String kind) {
        return Locales.ALL.stream().allMatch(locale -> engine.getTemplate(id(kind, locale, "txt")) != null
                && engine.getTemplate(id(kind, locale, "html")) != null);
    }

    private Template template(String kind, String locale, String suffix) {
        Template template = engine.getTemplate(id(kind, locale, suffix));
        if (template == null) {
            throw new IllegalArgumentException("no template " + id(kind, locale, suffix));
        }
        return template;
    }

    private Template layoutOf(String locale, String suffix) {
        return template("layout", locale, suffix);
    }

    private static String id(String kind, String locale, String suffix) {
        return "notices/" + kind + "/" + Locales.of(locale) + "." + suffix;
    }

    private static Map<String, Object> data(Map<String, Object> params, String name, String unsubscribeUrl) {
        Map<String, Object> data = new HashMap<>(params);
        data.put("name", name);
        data.put("unsubscribeUrl", unsubscribeUrl);
        return data;
    }

    private static String render(Template template, Map<String, Object> data) {
        if (template == null) {
            throw new IllegalArgumentException("a notice template lacks a fragment (subject, summary, body)");
        }
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    /** One line of printable text, at most {@code max} characters: safe for a mail header. */
    static String oneLine(String text, int max) {
        String line = text.replaceAll("[\\p{Cc}\\p{Cf}\\s]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
