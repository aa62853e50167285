package dev.moa.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Port helpers for servers bound to loopback. */
final class FreePorts {

    /** Ports this JVM has handed out: a port freed by its probe socket must not be handed out twice. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** {@code wanted} itself, or a free ephemeral port, never one handed out before, when {@code wanted} is 0. */
    static synchronized int resolve(int wanted) {
        if (wanted != 0) {
            return wanted;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on loopback", e);
            }
        }
        throw new IllegalStateException("no fresh free port on loopback after 100 attempts");
    }

    /** Fails with a clear message when something already listens on {@code port}. */
    static void requireFree(int port, String what) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException free) {
            return;
        }
        throw new IllegalStateException("port " + port + " for " + what + " is already taken on 127.0.0.1");
    }
}
