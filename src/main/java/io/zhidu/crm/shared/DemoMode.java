package io.zhidu.crm.shared;

import org.springframework.core.env.Environment;

/**
 * Decides the settings whose default depends on the database: demo data (and with it the
 * adjustable business clock) is on by default with the embedded H2 database and off otherwise.
 * An explicit {@code zhidu.demo-data} / {@code zhidu.clock.adjustable} always wins.
 */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean enabled(Environment env) {
        String explicit = env.getProperty("zhidu.demo-data", "");
        if (!explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }

    public static boolean clockAdjustable(Environment env) {
        String explicit = env.getProperty("zhidu.clock.adjustable", "");
        if (!explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return enabled(env);
    }
}
