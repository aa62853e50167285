package dev.moa.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The Quarkus test resource every service's tests use. One stack per test JVM, started on first use on free ports
 * and stopped when the JVM exits; each service gets its own database, named by the {@code database} init argument:
 * <pre>{@code
 * @QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_money"))
 * }</pre>
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    private static DevStack shared;

    private String database = "moa_test";

    /** The stack of this JVM, started if it is not yet. */
    public static synchronized DevStack stack() {
        if (shared == null) {
            DevStack stack = DevStack.start(DevStackSettings.ephemeral(System.getenv()));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "moa-devstack-stop"));
            shared = stack;
        }
        return shared;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return stack().quarkusConfig(database);
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application: the next test class of this JVM reuses it.
    }
}
