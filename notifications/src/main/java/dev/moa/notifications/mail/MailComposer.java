package dev.moa.notifications.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.moa.events.EventJson;
import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.template.NoticeTemplates;
import dev.moa.notifications.unsubscribe.UnsubscribeTokens;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a queued mail for its recipient: templates in the recipient's locale, HTML and text. A mail of a switchable
 * category carries a signed unsubscribe link in its footer and as {@code List-Unsubscribe} with
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058); receipts and security notices carry none.
 */
@ApplicationScoped
public class MailComposer {

    private final NoticeTemplates templates;
    private final UnsubscribeTokens tokens;
    private final String publicUrl;

    public MailComposer(NoticeTemplates templates, UnsubscribeTokens tokens, NotificationsConfig config) {
        this.templates = templates;
        this.tokens = tokens;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** One queued mail, with the recipient it goes to. */
    public record Queued(UUID id, UUID memberId, String kind, Category category, String params, int attempts,
                         String email, String name, String locale) {
    }

    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    public Mail compose(Queued queued) {
        String unsubscribeUrl = queued.category().mandatory() ? null : publicUrl + "/notifications/unsubscribe?token="
                + URLEncoder.encode(tokens.mint(queued.memberId(), queued.category()), StandardCharsets.UTF_8);
        NoticeTemplates.MailBody body = templates.mail(queued.kind(), queued.locale(), params(queued), queued.name(),
                unsubscribeUrl);
        Mail mail = new Mail().addTo(queued.email()).setSubject(body.subject()).setText(body.text())
                .setHtml(body.html()).addHeader("X-Moa-Notification", queued.id().toString());
        if (unsubscribeUrl != null) {
            mail.addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    private static Map<String, Object> params(Queued queued) {
        try {
            return EventJson.mapper().readValue(queued.params(), PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mail parameters are not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
