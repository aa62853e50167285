package dev.moa.flows;

import dev.moa.devstack.DevStack;
import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of a flow, each packaged and running as its own process against one devstack (real Kafka, PostgreSQL
 * and Redis), started once for every test class of this JVM and stopped at its end. Test classes receive it as a
 * parameter ({@code @ExtendWith(RunningPlatform.Extension.class)}).
 */
public final class RunningPlatform implements AutoCloseable {

    /** In start order: membership announces members, money opens their wallets. */
    private static final List<String> SERVICES = List.of("membership", "money");

    private final DevStack stack;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private RunningPlatform(DevStack stack) {
        this.stack = stack;
    }

    static RunningPlatform start() {
        Path root = Path.of(System.getProperty("moa.repository.root", "..")).toAbsolutePath().normalize();
        Path logDir = Path.of(System.getProperty("moa.flows.log-dir", "target/flows-logs"));
        RunningPlatform platform = new RunningPlatform(DevStackResource.stack());
        try {
            for (String module : SERVICES) {
                platform.services.put(module, ServiceProcess.start(root, module, platform.stack.environment(),
                        Map.of(), logDir));
            }
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public URI uri(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException("not running in this platform: " + module);
        }
        return service.baseUri();
    }

    public DevStack stack() {
        return stack;
    }

    /** Stops the services in reverse order; the devstack belongs to the JVM and stops with it. */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        services.clear();
    }

    /** Hands the one platform of this JVM to test classes; JUnit closes it when the whole run ends. */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(RunningPlatform.class, key -> start(), RunningPlatform.class);
        }
    }
}
