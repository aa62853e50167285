package dev.moa.chassis.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moa.chassis.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for HTTP commands that move money or place bids. The first request with a key runs and its
 * answer is stored in the same transaction as its effect; a retry with the same key and the same request gets that
 * answer again (header {@code Idempotent-Replayed: true}); the same key with another request is a 422.
 *
 * <p>Concurrent requests with one key: the second one's claim waits on the first one's row until it commits, then
 * replays its answer, so there is one effect. If the first fails, nothing of it is kept (its effect rolled back with
 * the claim) and a retry runs afresh. Records are kept for {@code moa.idempotency.retention} (at least 24 hours).
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final String CLAIM = "insert into moa_idempotency (owner, idem_key, request_hash) "
            + "values (?1, ?2, ?3) on conflict do nothing";
    private static final String ANSWER = "update moa_idempotency set status_code = ?3, response_body = ?4, "
            + "location = ?5 where owner = ?1 and idem_key = ?2";

    private final ObjectMapper json;

    public IdempotentRequests(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Runs {@code work} once per ({@code owner}, {@code key}).
     *
     * @param owner     whose key it is: the member id from the token, never from the request
     * @param key       the {@code Idempotency-Key} header (8–128 of {@code A-Z a-z 0-9 . _ : -}); required
     * @param operation what is asked, e.g. {@code "POST /remittances"}
     * @param request   the request's parameters; with {@code operation} they make the fingerprint of the request
     * @param work      the command; it runs inside this method's transaction and answers with a JSON entity
     */
    public Uni<Response> execute(String owner, String key, String operation, Object request,
                                 Supplier<Uni<Response>> work) {
        Claim claim;
        try {
            claim = claim(owner, key, operation, request);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        String fingerprint = claim.fingerprint();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, owner)
                        .setParameter(2, key)
                        .setParameter(3, fingerprint)
                        .executeUpdate()
                        .chain(claimed -> claimed == 1
                                ? work.get().chain(response -> store(session, owner, key, response))
                                : replay(session, owner, key, fingerprint))));
    }

    /**
     * A checked key and the fingerprint of its request, for a hot path that claims the key itself in the same statement
     * as its effect (the table is {@code moa_idempotency}; the semantics are those of {@link #execute}).
     *
     * @throws ProblemException 400 when the key is missing or malformed
     */
    public Claim claim(String owner, String key, String operation, Object request) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest("idempotency-key-missing", "This operation needs an " + HEADER + " header");
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("idempotency-key-invalid",
                    HEADER + " must be 8 to 128 characters of A-Z a-z 0-9 . _ : -");
        }
        return new Claim(owner, key, fingerprint(operation, request));
    }

    /** A key claimed (or to claim) for one request: whose, which, and the request's fingerprint. */
    public record Claim(String owner, String key, String fingerprint) {
    }

    /** The 422 for a key already used with another request. */
    public static ProblemException keyReused() {
        return ProblemException.unprocessable("idempotency-key-reused",
                "This " + HEADER + " was already used for a different request");
    }

    /** The 409 for a key whose first request has not finished. */
    public static ProblemException keyInProgress() {
        return ProblemException.conflict("idempotency-key-in-progress",
                "A request with this " + HEADER + " is still in progress; retry shortly");
    }

    private Uni<Response> store(org.hibernate.reactive.mutiny.Mutiny.Session session, String owner, String key,
                                Response response) {
        String body = serialize(response.getEntity());
        String location = response.getLocation() == null ? null : response.getLocation().toString();
        return session.createNativeQuery(ANSWER)
                .setParameter(1, owner)
                .setParameter(2, key)
                .setParameter(3, response.getStatus())
                .setParameter(4, body)
                .setParameter(5, location)
                .executeUpdate()
                .replaceWith(() -> answer(response.getStatus(), body, location, false));
    }

    private Uni<Response> replay(org.hibernate.reactive.mutiny.Mutiny.Session session, String owner, String key,
                                 String fingerprint) {
        // The claim inserted nothing, so the record is not in this session yet: find reads the committed row.
        return session.find(IdempotencyRecord.class, new IdempotencyRecord.Key(owner, key))
                .map(record -> {
                    if (!record.requestHash.equals(fingerprint)) {
                        throw keyReused();
                    }
                    if (record.statusCode == null) {
                        throw keyInProgress();
                    }
                    return answer(record.statusCode, record.responseBody, record.location, true);
                });
    }

    /** The HTTP answer for a stored (or just stored) JSON body; {@code replayed} adds {@value #REPLAYED_HEADER}. */
    public static Response answer(int status, String body, String location, boolean replayed) {
        Response.ResponseBuilder response = Response.status(status);
        if (body != null) {
            response.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (location != null) {
            response.header("Location", location);
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response of an idempotent request cannot be stored as JSON", e);
        }
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(operation.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
