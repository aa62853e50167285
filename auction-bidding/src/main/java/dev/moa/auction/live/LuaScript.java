package dev.moa.auction.live;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script from {@code src/main/resources/lua}, run by its SHA-1 ({@code EVALSHA}) so that the hot path does not
 * send its text; a Redis that does not know it yet (restarted, or a new node) gets the text once ({@code EVAL}).
 */
public final class LuaScript {

    private final String name;
    private final String text;
    private final String sha;

    private LuaScript(String name, String text) {
        this.name = name;
        this.text = text;
        this.sha = sha1(text);
    }

    public static LuaScript load(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("no script lua/" + name + ".lua");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Runs the script and reads its answer as text. */
    public Uni<String> run(ReactiveRedisDataSource redis, List<String> keys, List<String> args) {
        return answer(redis.execute("EVALSHA", arguments(sha, keys, args)), redis, keys, args);
    }

    /**
     * Runs the script on the event loop's pipelined connection ({@link LoopConnections}), or through the pool where
     * that does not apply, and reads its answer as text (a Vert.x future: this is the bid path, see there).
     */
    public Future<String> run(LoopConnections connections, List<String> keys, List<String> args) {
        return connections.send(command(Command.EVALSHA, arguments(sha, keys, args)))
                .recover(failure -> noScript(failure)
                        ? connections.send(command(Command.EVAL, arguments(text, keys, args)))
                        : Future.failedFuture(failure))
                .map(response -> response == null ? null : response.toString());
    }

    /** The answer as text; a Redis that does not know the script yet gets its text once ({@code EVAL}). */
    private Uni<String> answer(Uni<Response> evalsha, ReactiveRedisDataSource redis, List<String> keys,
                               List<String> args) {
        return evalsha
                .onFailure(LuaScript::noScript)
                .recoverWithUni(() -> redis.execute("EVAL", arguments(text, keys, args)))
                .map(response -> response == null ? null : response.toString());
    }

    /** Redis answered that it does not know the script (restarted, or flushed its scripts). */
    private static boolean noScript(Throwable failure) {
        return String.valueOf(failure.getMessage()).startsWith("NOSCRIPT");
    }

    private static Request command(Command command, String[] arguments) {
        Request request = Request.cmd(command);
        for (String argument : arguments) {
            request.arg(argument);
        }
        return request;
    }

    /** The arguments of EVAL / EVALSHA: the script, the key count, the keys, the arguments. */
    public String[] arguments(String script, List<String> keys, List<String> args) {
        String[] all = new String[2 + keys.size() + args.size()];
        all[0] = script;
        all[1] = Integer.toString(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            all[2 + i] = keys.get(i);
        }
        for (int i = 0; i < args.size(); i++) {
            all[2 + keys.size() + i] = args.get(i);
        }
        return all;
    }

    public String sha() {
        return sha;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
