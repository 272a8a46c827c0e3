package dev.firebreak.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives every Spring test context a database of its own, on H2 (default) or on the machine's PostgreSQL
 * ({@code -Dfirebreak.test.db=postgres}, set by {@code mvn verify -Ppostgres}).
 *
 * <p>On PostgreSQL it creates the database {@code firebreak.test.pg-database} (default {@code firebreak_test})
 * if missing, and a fresh schema per context; schemas left by earlier runs are dropped once per JVM.
 * {@link #properties()} returns the settings for one new database, so a test can start two app
 * instances on the same one.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PG_HOST = System.getProperty("firebreak.test.pg-host", "127.0.0.1:5432");
    public static final String PG_DATABASE = System.getProperty("firebreak.test.pg-database", "firebreak_test");
    private static boolean pgPrepared;

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("firebreak.test.db", "h2"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("firebreak.test.shared-datasource")) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        properties().forEach((k, v) -> pairs.add(k + "=" + v));
        TestPropertyValues.of(pairs).applyTo(context);
    }

    /** Datasource and Flyway properties for a brand-new, empty database (or schema). */
    public static synchronized Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (postgres()) {
            preparePostgres();
            p.put(
                    "spring.datasource.url",
                    "jdbc:postgresql://" + PG_HOST + "/" + PG_DATABASE + "?currentSchema=" + name);
            p.put("spring.datasource.username", "postgres");
            p.put("spring.datasource.password", "");
            p.put("spring.flyway.schemas", name);
            p.put("spring.flyway.create-schemas", "true");
        } else {
            p.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
        }
        // Spring caches test contexts, each with its own pool: keep idle connections few and short-lived so that
        // a whole suite stays far below PostgreSQL's default max_connections (100).
        p.put("spring.datasource.hikari.maximum-pool-size", "10");
        p.put("spring.datasource.hikari.minimum-idle", "1");
        p.put("spring.datasource.hikari.idle-timeout", "10000");
        // Contexts are closed at the end of the run: no drain pause (firebreak.shutdown.drain-delay, 5 s in
        // production).
        p.put("firebreak.shutdown.drain-delay", "0s");
        return p;
    }

    private static void preparePostgres() {
        if (pgPrepared) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + PG_DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_HOST + " is not reachable: " + e.getMessage(), e);
        }
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://" + PG_HOST + "/" + PG_DATABASE, "postgres", "");
                Statement s = c.createStatement()) {
            List<String> old = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9a-f]{12}$'")) {
                while (rs.next()) {
                    old.add(rs.getString(1));
                }
            }
            for (String schema : old) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL test database: " + e.getMessage(), e);
        }
        pgPrepared = true;
    }
}
