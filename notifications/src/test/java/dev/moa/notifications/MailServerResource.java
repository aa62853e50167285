package dev.moa.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free loopback port, and a random unsubscribe key for this run
 * (no key lives in the repository). Tests may stop and restart the server on the same port (an SMTP outage).
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;
    private static String unsubscribeKey;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            port = freePort();
            byte[] key = new byte[36];
            new SecureRandom().nextBytes(key);
            unsubscribeKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            startServer();
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "moa.notifications.unsubscribe.key", unsubscribeKey);
    }

    @Override
    public void stop() {
        // Kept for the next test class of this JVM, like the devstack.
    }

    public static synchronized GreenMail server() {
        return server;
    }

    public static String unsubscribeKey() {
        return unsubscribeKey;
    }

    /** SMTP goes down: nothing listens on its port until {@link #startServer()}. */
    public static synchronized void stopServer() {
        server.stop();
    }

    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
