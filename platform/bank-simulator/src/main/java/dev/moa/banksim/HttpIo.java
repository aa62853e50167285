package dev.moa.banksim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.moa.banksim.BankModel.ErrorAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Reading and writing JSON over a JDK {@link HttpExchange}. */
final class HttpIo {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int MAX_BODY = 16 * 1024;

    /** A request the simulator refuses with a 4xx answer. */
    static final class BadRequest extends RuntimeException {
        final int status;
        final String error;

        BadRequest(int status, String error, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.error = error;
        }

        BadRequest(String detail) {
            this(400, "INVALID_REQUEST", detail);
        }
    }

    private HttpIo() {
    }

    static <T> T read(HttpExchange exchange, Class<T> type) {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > MAX_BODY) {
            throw new BadRequest(413, "TOO_LARGE", "the body exceeds " + MAX_BODY + " bytes");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new BadRequest("a JSON object is required");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            throw new BadRequest(cause instanceof IllegalArgumentException ? cause.getMessage()
                    : "not valid JSON for this operation: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(HttpExchange exchange, int status, Object body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client went away: nothing left to tell it.
            exchange.close();
        }
    }

    static void error(HttpExchange exchange, int status, String error, String detail) {
        send(exchange, status, new ErrorAnswer(error, detail));
    }

    static void refuse(HttpExchange exchange, BadRequest e) {
        error(exchange, e.status, e.error, e.getMessage());
    }

    static void notFound(HttpExchange exchange) {
        error(exchange, 404, "NOT_FOUND", "no such resource: " + exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getPath());
    }

    /** The path below {@code prefix}, split at slashes; empty segments dropped. */
    static String[] segments(HttpExchange exchange, String prefix) {
        String rest = exchange.getRequestURI().getPath().substring(prefix.length());
        return java.util.Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
