package dev.moa.membership.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys that verify Moa's access tokens, as a JWK set: the current signing key (its {@code kid}) and any
 * retired keys still valid for tokens in flight. Read once at start; the other services fetch and cache it.
 */
@Path("/.well-known/jwks.json")
@Tag(name = "auth")
@Startup
@jakarta.inject.Singleton
public class JwksResource {

    private final Map<String, Object> jwks;

    public JwksResource(TokenConfig config, ObjectMapper json) {
        List<Object> keys = new ArrayList<>();
        keys.add(publicJwk(readPrivateKey(config.signKeyLocation()), config.keyId()));
        config.retiredKeysLocation().filter(location -> !location.isBlank())
                .ifPresent(location -> keys.addAll(retiredKeys(location, json)));
        this.jwks = Map.of("keys", List.copyOf(keys));
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JWK set that verifies access tokens")
    public Response jwks() {
        return Response.ok(jwks).header("Cache-Control", "public, max-age=300").build();
    }

    private static Map<String, Object> publicJwk(RSAPrivateCrtKey key, String keyId) {
        Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", base64Url.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", base64Url.encodeToString(unsigned(key.getPublicExponent())));
        return jwk;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static RSAPrivateCrtKey readPrivateKey(String location) {
        try {
            String pem = Files.readString(java.nio.file.Path.of(location.replaceFirst("^file:", "")), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("token signing key " + location, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("token signing key " + location + " is not a PKCS#8 RSA key", e);
        }
    }

    private static List<Object> retiredKeys(String location, ObjectMapper json) {
        try {
            JsonNode set = json.readTree(Files.readString(java.nio.file.Path.of(location.replaceFirst("^file:", ""))));
            List<Object> keys = new ArrayList<>();
            // Only the public members of each key are published, whatever the file holds.
            set.path("keys").forEach(key -> {
                Map<String, Object> jwk = new LinkedHashMap<>();
                for (String field : List.of("kty", "use", "alg", "kid", "n", "e")) {
                    if (key.hasNonNull(field)) {
                        jwk.put(field, key.get(field).asText());
                    }
                }
                keys.add(jwk);
            });
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("retired token keys " + location, e);
        }
    }
}
