package dev.moa.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers for servers bound to loopback. */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code wanted} itself, or a free ephemeral port when {@code wanted} is 0. */
    static int resolve(int wanted) {
        if (wanted != 0) {
            return wanted;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
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
