package io.zhidu.crm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per username in the database (so every node counts together); after
 * {@code max-attempts} failures in a row the account is locked for {@code duration}, and the
 * audit log records it. A successful sign-in clears the count.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int maxAttempts;
    private final Duration lockDuration;

    LoginAttempts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
                  @Value("${zhidu.security.lockout.max-attempts:5}") int maxAttempts,
                  @Value("${zhidu.security.lockout.duration:15m}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.maxAttempts = maxAttempts;
        this.lockDuration = lockDuration;
    }

    boolean isLocked(String username) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM login_attempt WHERE username = ?")
                .param(key(username))
                .query(OffsetDateTime.class).optional()
                .map(until -> until.toInstant().isAfter(now))
                .orElse(false);
    }

    /**
     * Counts an attempt on an existing account BEFORE its password is checked, so that parallel
     * guesses cannot pass the limit: false (and the account locked) once more attempts are under
     * way or failed in a row than allowed. A successful sign-in clears the count.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean reserve(String username) {
        // statement by statement (no transaction): each is atomic, and a lost insert race on
        // PostgreSQL cannot abort what follows
        String key = key(username);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            jdbc.sql("INSERT INTO login_attempt (username, failures) SELECT ?, 0 WHERE NOT EXISTS "
                    + "(SELECT 1 FROM login_attempt WHERE username = ?)").param(key).param(key).update();
        } catch (DuplicateKeyException raced) {
            // another attempt created the row first: fine
        }
        jdbc.sql("UPDATE login_attempt SET failures = failures + 1, last_failure = ? WHERE username = ?")
                .param(now).param(key).update();
        int attempts = jdbc.sql("SELECT failures FROM login_attempt WHERE username = ?").param(key).query(Integer.class).single();
        if (attempts > maxAttempts) {
            lock(username, key, attempts);
            return false;
        }
        return true;
    }

    /** The password was wrong: locks the account when that was the last attempt allowed. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void failed(String username) {
        String key = key(username);
        jdbc.sql("SELECT failures FROM login_attempt WHERE username = ?").param(key).query(Integer.class).optional()
                .filter(attempts -> attempts >= maxAttempts)
                .ifPresent(attempts -> lock(username, key, attempts));
    }

    private void lock(String username, String key, int attempts) {
        OffsetDateTime until = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plus(lockDuration);
        jdbc.sql("UPDATE login_attempt SET failures = 0, locked_until = ? WHERE username = ?").param(until).param(key).update();
        events.publishEvent(new SecurityAudit(username, "ACCOUNT_LOCKED", null,
                "after " + attempts + " attempts, until " + until.toInstant()));
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_attempt WHERE username = ?").param(key(username)).update();
    }

    private static String key(String username) {
        String k = username == null ? "" : username.trim();
        return k.length() > 50 ? k.substring(0, 50) : k;
    }
}
