package dev.moa.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Moa service as its source declares it: a module of the root pom with an application.properties that sets
 * {@code quarkus.http.port}. What it reads in production is taken from that file and from the chassis' shared
 * configuration, never from a list kept here, so a new key or topic in a service shows up in these checks.
 */
record ServiceModule(String name, Properties properties) {

    static final Path CHASSIS_CONFIG = Path.of("platform/chassis/src/main/resources/META-INF/"
            + "microprofile-config.properties");
    static final Path EVENT_TOPICS = Path.of("platform/events/src/main/java/dev/moa/events/Topics.java");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern MOA_VARIABLE = Pattern.compile("\\$\\{(MOA_[A-Z0-9_]+)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static final String \\w+ = \"([^\"]+)\";");
    private static final String APPLICATION_PROPERTIES = "src/main/resources/application.properties";

    /** The services, in the order of the root pom's modules. */
    static List<ServiceModule> all() {
        Matcher modules = MODULE.matcher(read(Path.of("pom.xml")));
        List<ServiceModule> services = new java.util.ArrayList<>();
        while (modules.find()) {
            Path file = Path.of(modules.group(1), APPLICATION_PROPERTIES);
            if (Files.isRegularFile(Repository.root().resolve(file))) {
                Properties properties = load(file);
                if (properties.containsKey("quarkus.http.port")) {
                    services.add(new ServiceModule(modules.group(1), properties));
                }
            }
        }
        return services;
    }

    int port() {
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    /** A property as the service reads it without environment: its own file first, then the chassis'. */
    String property(String key) {
        String own = properties.getProperty(key);
        return own != null ? own : load(CHASSIS_CONFIG).getProperty(key);
    }

    /** Its own database ({@code moa.database}). */
    String database() {
        return properties.getProperty("moa.database");
    }

    /** The MOA_* variables its configuration and the chassis' read in the prod profile (unprofiled or %prod). */
    Set<String> prodEnvironmentVariables() {
        Set<String> variables = new TreeSet<>();
        for (Properties source : List.of(load(CHASSIS_CONFIG), properties)) {
            source.stringPropertyNames().stream().filter(ServiceModule::readInProd).forEach(key -> {
                Matcher variable = MOA_VARIABLE.matcher(source.getProperty(key));
                while (variable.find()) {
                    variables.add(variable.group(1));
                }
            });
        }
        return variables;
    }

    /** Every Kafka topic its channels name in prod: the topics read and their dead-letter topics. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(ServiceModule::readInProd)
                .filter(key -> key.endsWith(".topic")).forEach(key -> topics.add(properties.getProperty(key).trim()));
        return topics;
    }

    /** The topics of the events catalog (platform/events' Topics): those the outboxes publish to. */
    static Set<String> eventTopics() {
        Set<String> topics = new TreeSet<>();
        Matcher constant = TOPIC_CONSTANT.matcher(read(EVENT_TOPICS));
        while (constant.find()) {
            topics.add(constant.group(1));
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("no topic constants found in " + EVENT_TOPICS);
        }
        return topics;
    }

    private static boolean readInProd(String key) {
        return !key.startsWith("%") || key.startsWith("%prod.");
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Repository.root().resolve(file))) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(Repository.root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
