package dev.moa.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal blocking HTTP/1.1 keep-alive connection, one per simulated client, as thin as {@link Resp} is for Redis:
 * the load generator shares the machine's cores with the service, so its own cost per request must be small and of
 * the same kind on both sides of a ratio (the JDK HttpClient costs several times more CPU per request than this).
 * Bodies with Content-Length or chunked; anything else is an error.
 */
final class Http1 implements AutoCloseable {

    /** A response: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private static final int MAX_BODY = 1 << 20;

    private final String host;
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    Http1(URI base) {
        try {
            int port = base.getPort() < 0 ? 80 : base.getPort();
            host = base.getHost() + ":" + port;
            socket = new Socket(base.getHost(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 8192));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code method path} with {@code headers} and a JSON {@code body} (or none), and reads the answer. */
    Answer send(String method, String path, Map<String, String> headers, String body) {
        try {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read();
        } catch (NumberFormatException e) {
            throw new UncheckedIOException(new IOException("a malformed answer: " + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        Map<String, String> headers = new HashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = exactly(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else {
            throw new IOException("an answer without Content-Length or chunked encoding: " + status);
        }
        return new Answer(Integer.parseInt(status.substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(exactly(size));
            line();
            if (body.size() > MAX_BODY) {
                throw new IOException("a body over " + MAX_BODY + " bytes");
            }
        }
        while (!line().isEmpty()) {
            // trailers
        }
        return body.toByteArray();
    }

    private byte[] exactly(int length) throws IOException {
        if (length < 0 || length > MAX_BODY) {
            throw new IOException("a body of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
            if (line.length() > 16_384) {
                throw new IOException("a header line over 16 KiB");
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
