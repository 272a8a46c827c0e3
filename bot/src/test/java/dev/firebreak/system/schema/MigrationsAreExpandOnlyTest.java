package dev.firebreak.system.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Rolling upgrades run release N-1 and N side by side on one schema (docs/operations.md, "Upgrades"), so every
 * migration must be expand-only: applied one at a time on a real database (H2, or PostgreSQL with -Ppostgres), the
 * schema before and after each one is compared, and the previous version's code must still work on the new schema:
 * no table or column dropped or renamed, no column's type changed or made NOT NULL, and every new column of an
 * existing table nullable or defaulted (the previous version's INSERTs do not name it). A contract step (dropping
 * what no running version uses any more) has to be listed in {@link #CONTRACT_MIGRATIONS} with the release that
 * stopped using it, which makes it a reviewed decision rather than an accident.
 */
class MigrationsAreExpandOnlyTest {

    /** Migrations allowed to contract the schema: version -> why it is safe. None so far. */
    static final Map<String, String> CONTRACT_MIGRATIONS = Map.of();

    record Column(String type, boolean nullable, boolean defaulted) {}

    @Test
    void everyMigrationKeepsThePreviousVersionWorking() throws SQLException {
        Map<String, String> db = TestDatabase.properties();
        String url = db.get("spring.datasource.url");
        String user = db.get("spring.datasource.username");
        String schema = db.get("spring.flyway.schemas");
        var config = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration");
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        List<MigrationVersion> versions = new ArrayList<>();
        for (MigrationInfo info : config.load().info().all()) {
            if (info.getVersion() != null) {
                versions.add(info.getVersion());
            }
        }
        assertThat(versions).as("the migrations on the classpath").hasSizeGreaterThan(10);

        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Column>> before = Map.of();
        for (MigrationVersion version : versions) {
            config.target(version).load().migrate();
            Map<String, Map<String, Column>> after = snapshot(url, user, schema);
            if (!CONTRACT_MIGRATIONS.containsKey(version.getVersion())) {
                violations.addAll(compare("V" + version.getVersion(), before, after));
            }
            before = after;
        }
        assertThat(violations)
                .as("migrations that would break the previous version during a rolling upgrade")
                .isEmpty();
    }

    static List<String> compare(
            String migration, Map<String, Map<String, Column>> before, Map<String, Map<String, Column>> after) {
        List<String> violations = new ArrayList<>();
        before.forEach((table, oldColumns) -> {
            Map<String, Column> newColumns = after.get(table);
            if (newColumns == null) {
                violations.add(migration + ": drops or renames table " + table);
                return;
            }
            oldColumns.forEach((name, old) -> {
                Column now = newColumns.get(name);
                if (now == null) {
                    violations.add(migration + ": drops or renames " + table + "." + name);
                } else if (!now.type().equals(old.type())) {
                    violations.add(migration + ": changes the type of " + table + "." + name + " from " + old.type()
                            + " to " + now.type());
                } else if (old.nullable() && !now.nullable()) {
                    violations.add(migration + ": makes " + table + "." + name + " NOT NULL");
                }
            });
            newColumns.forEach((name, added) -> {
                if (!oldColumns.containsKey(name) && !added.nullable() && !added.defaulted()) {
                    violations.add(migration + ": adds " + table + "." + name
                            + " NOT NULL without a default (the previous version's INSERTs fail)");
                }
            });
        });
        return violations;
    }

    private static Map<String, Map<String, Column>> snapshot(String url, String user, String schema)
            throws SQLException {
        Map<String, Map<String, Column>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            String in = schema != null ? schema : c.getSchema();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(null, in, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.equals("flyway_schema_history")) {
                        continue;
                    }
                    boolean generated = "YES".equals(rs.getString("IS_AUTOINCREMENT"))
                            || "YES".equals(rs.getString("IS_GENERATEDCOLUMN"));
                    tables.computeIfAbsent(table, t -> new LinkedHashMap<>())
                            .put(
                                    rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                    new Column(
                                            rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT),
                                            "YES".equals(rs.getString("IS_NULLABLE")),
                                            generated || rs.getString("COLUMN_DEF") != null));
                }
            }
        }
        return tables;
    }

    @Test
    void theCheckRecognisesContractSteps() {
        Map<String, Map<String, Column>> before =
                Map.of("t", Map.of("a", new Column("varchar", true, false), "b", new Column("int4", false, false)));
        assertThat(compare("V9", before, Map.of())).containsExactly("V9: drops or renames table t");
        assertThat(compare(
                        "V9",
                        before,
                        Map.of(
                                "t",
                                Map.of(
                                        "a",
                                        new Column("varchar", false, false),
                                        "b",
                                        new Column("int8", false, false),
                                        "c",
                                        new Column("int4", false, false)))))
                .containsExactlyInAnyOrder(
                        "V9: makes t.a NOT NULL",
                        "V9: changes the type of t.b from int4 to int8",
                        "V9: adds t.c NOT NULL without a default (the previous version's INSERTs fail)");
        assertThat(compare("V9", before, Map.of("t", Map.of("b", new Column("int4", false, false)))))
                .containsExactly("V9: drops or renames t.a");
        assertThat(compare(
                        "V9",
                        before,
                        Map.of(
                                "t",
                                Map.of(
                                        "a",
                                        new Column("varchar", true, false),
                                        "b",
                                        new Column("int4", true, false),
                                        "c",
                                        new Column("int4", false, true)),
                                "u",
                                Map.of())))
                .as("relaxing NOT NULL, adding defaulted columns and tables is expand-only")
                .isEmpty();
    }
}
