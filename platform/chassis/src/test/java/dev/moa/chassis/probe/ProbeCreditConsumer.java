package dev.moa.chassis.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moa.chassis.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Credits an account per event, through the inbox, so a redelivered event credits nothing. */
@ApplicationScoped
public class ProbeCreditConsumer {

    private final Inbox inbox;
    private final ObjectMapper json;

    public ProbeCreditConsumer(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("probe-credits")
    public Uni<Void> consume(Message<String> message) {
        String eventId = Inbox.eventId(message);
        return Uni.createFrom().item(() -> read(message.getPayload()))
                .chain(credit -> inbox.handleOnce("probe-credits", eventId, () -> credit(eventId, credit)))
                .chain(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(message.nack(e)));
    }

    private Uni<Integer> credit(String eventId, JsonNode credit) {
        String account = credit.get("account").asText();
        long amount = credit.get("amount").asLong();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into probe_account (name, balance) values (?1, ?2) "
                                + "on conflict (name) do update set balance = probe_account.balance + ?2")
                .setParameter(1, account).setParameter(2, amount).executeUpdate()
                .chain(() -> session.createNativeQuery(
                                "insert into probe_credit_log (event_id, name, amount) values (?1, ?2, ?3)")
                        .setParameter(1, eventId).setParameter(2, account).setParameter(3, amount)
                        .executeUpdate()));
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a credit: " + e.getMessage(), e);
        }
    }
}
