package io.zhidu.crm.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the database of an integration test run: H2 in memory (default) or PostgreSQL when
 * the failsafe execution sets {@code zhidu.test.db=postgres}. On PostgreSQL each Spring context
 * gets its own schema, cleaned and migrated by Flyway at start, so contexts never see each
 * other's data: the schema is dropped when the context starts. The test database is created
 * when missing.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("zhidu.test.db"));
    }

    public static String pgUrl() {
        return System.getProperty("zhidu.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/zhidu_test");
    }

    public static String pgUser() {
        return System.getProperty("zhidu.test.pg.user", "postgres");
    }

    /** Registers datasource and Flyway settings for a context whose data lives under {@code name}. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        if (postgres()) {
            ensureDatabase();
            dropSchema(name);
            registry.add("spring.datasource.url", () -> pgUrl() + "?currentSchema=" + name);
            registry.add("spring.datasource.username", TestDatabase::pgUser);
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.flyway.schemas", () -> name);
            registry.add("spring.flyway.default-schema", () -> name);
        } else {
            registry.add("spring.datasource.url",
                    () -> "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    /** Is the PostgreSQL server reachable at all? */
    public static boolean pgReachable() {
        String admin = pgUrl().substring(0, pgUrl().lastIndexOf('/') + 1) + "postgres";
        try (Connection ignored = DriverManager.getConnection(admin, pgUser(), "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Called once per context start: every run begins with an empty schema that Flyway migrates. */
    private static void dropSchema(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException(name);
        }
        try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset schema " + name, e);
        }
    }

    private static void ensureDatabase() {
        String url = pgUrl();
        String dbName = url.substring(url.lastIndexOf('/') + 1);
        try (Connection ignored = DriverManager.getConnection(url, pgUser(), "")) {
            return;
        } catch (SQLException missing) {
            String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
            try (Connection c = DriverManager.getConnection(admin, pgUser(), "")) {
                c.createStatement().execute("CREATE DATABASE " + dbName);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + dbName, e);
            }
        }
    }
}
