package dev.moa.devstack;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * The RSA key pair that signs access tokens in dev and test. Generated at start, written as PEM files outside the
 * repository (never committed): the private key goes to membership, the public key to every other service.
 * Also mints tokens for tests, with the same issuer and audience the services verify.
 */
public final class TokenKeys {

    public static final String ISSUER = "https://membership.moa.dev";
    public static final String AUDIENCE = "moa";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final Path privateKeyFile;
    private final Path publicKeyFile;
    private final Path jwksFile;

    private TokenKeys(PrivateKey privateKey, PublicKey publicKey, String keyId, Path privateKeyFile,
                      Path publicKeyFile) throws IOException {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId;
        this.privateKeyFile = privateKeyFile;
        this.publicKeyFile = publicKeyFile;
        this.jwksFile = publicKeyFile.resolveSibling("token-verify-keys.jwks.json");
        Files.writeString(jwksFile, jwks(), StandardCharsets.UTF_8);
    }

    /** Loads the pair kept in {@code dir}, or generates and writes a new one. */
    static TokenKeys loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve("token-signing-key.pem");
            Path publicFile = dir.resolve("token-verify-key.pem");
            Path kidFile = dir.resolve("token-key-id");
            if (Files.exists(privateFile) && Files.exists(publicFile) && Files.exists(kidFile)) {
                PrivateKey privateKey = readPrivateKey(privateFile);
                return new TokenKeys(privateKey, publicKeyOf(privateKey), Files.readString(kidFile).trim(),
                        privateFile, publicFile);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String keyId = "moa-dev-" + UUID.randomUUID().toString().substring(0, 8);
            writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
            restrictToOwner(privateFile);
            writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
            Files.writeString(kidFile, keyId, StandardCharsets.UTF_8);
            return new TokenKeys(pair.getPrivate(), pair.getPublic(), keyId, privateFile, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("token keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA keys", e);
        }
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /**
     * The public key as a JWK set with its {@code kid}, what the services verify tokens with: a token naming another
     * {@code kid} finds no key and is rejected, as with membership's JWKS endpoint in production.
     */
    public Path jwksFile() {
        return jwksFile;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The signing key itself, for tests that forge tokens (wrong {@code kid}, wrong claims) with the real key. */
    public PrivateKey privateKeyForTests() {
        return privateKey;
    }

    /** An access token as membership issues it: {@code sub} = member id, {@code groups} = roles. */
    public String mint(String memberId, String email, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(memberId)
                .upn(email)
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(lifetime)
                .jws()
                .keyId(keyId)
                .sign(privateKey);
    }

    /** A 15-minute token for a member with the given roles. */
    public String mint(String memberId, String... roles) {
        return mint(memberId, memberId + "@members.moa.dev", Set.of(roles), Duration.ofMinutes(15));
    }

    private String jwks() {
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) publicKey;
        Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId
                + "\",\"n\":\"" + base64Url.encodeToString(unsigned(rsa.getModulus()))
                + "\",\"e\":\"" + base64Url.encodeToString(unsigned(rsa.getPublicExponent())) + "\"}]}\n";
    }

    /** A JWK integer is big-endian without the sign byte that {@link java.math.BigInteger} may add. */
    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the folder is git-ignored and local; nothing more to do.
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }
}
