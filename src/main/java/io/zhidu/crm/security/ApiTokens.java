package io.zhidu.crm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.zhidu.crm.organization.OrganizationChanged;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.organization.StaffChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bearer tokens for the REST API. The token is shown once; only its SHA-256 is stored, so a
 * leaked database does not leak usable tokens. A token stops working when it expires, when its
 * owner revokes it, or when the owner's account is deactivated.
 */
@Component
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "zd_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validity;
    private final ApplicationEventPublisher events;
    private final BearerCache cache;

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
              @Value("${zhidu.security.api-token.validity:30d}") Duration validity,
              @Value("${zhidu.security.api-token.cache:1s}") Duration cacheMaxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.validity = validity;
        this.cache = new BearerCache(cacheMaxAge, System::nanoTime);
    }

    /** A freshly issued token: the secret (never shown again) and its expiry. */
    public record Issued(long id, String token, Instant expiresAt) {
    }

    /** A token as its owner sees it in the profile (no secret). */
    public record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                            Instant revokedAt, boolean usable) {
    }

    @Transactional
    public Issued issue(long employeeId, String username, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        jdbc.sql("INSERT INTO api_token (employee_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .param(employeeId).param(name).param(hash(token)).param(utc(now)).param(utc(expires)).update();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(hash(token)).query(Long.class).single();
        events.publishEvent(new SecurityAudit(username, "TOKEN_CREATED", Long.toString(employeeId), "token #" + id + " " + name));
        return new Issued(id, token, expires);
    }

    /**
     * The owner of a usable token (not expired, not revoked), marking it used — to the minute: a
     * token already marked within the last minute is not written again (issue #8: every API call
     * wrote and committed the token's row, so one client's parallel calls queued on its lock).
     * Issue #8 again: the look-up is one auto-committed statement, which also reads the owner's
     * account as {@link Staff#signedIn} does and the owner's scope grants in force (one row per
     * role and grant), so one round trip tells who calls with what scope. Its answer for a usable
     * token is kept for {@code zhidu.security.api-token.cache} (ADR 0011, {@link BearerCache}): a
     * revocation, deactivation, role or organisation change made through this node applies to the
     * next call at once (see {@link #forgetBearers}); one made on another node or in the database
     * applies within that time. The mark, when due, is a second statement (no transaction around
     * them: each statement is atomic on its own and a lost mark only delays {@code last_used_at}).
     */
    Optional<Bearer> ownerOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String h = hash(token);
        OffsetDateTime now = utc(clock.instant());
        LocalDate today = LocalDate.now(clock);
        BearerCache.Entry entry = cache.get(h, today, now).orElse(null);
        if (entry == null) {
            long generation = cache.generation();
            entry = read(h, today, now).orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.bearer().owner().active()) { // a refused caller is read again every time
                cache.put(h, entry, generation);
            }
        }
        OffsetDateTime lastUsed = entry.lastUsedAt();
        if (lastUsed == null || lastUsed.isBefore(now.minusMinutes(1))) {
            jdbc.sql("""
                            UPDATE api_token SET last_used_at = ?
                            WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
                    .param(now).param(h).param(now.minusMinutes(1)).update();
            cache.markedUsed(h, entry, now);
        }
        return Optional.of(entry.bearer());
    }

    private Optional<BearerCache.Entry> read(String h, LocalDate today, OffsetDateTime now) {
        record Row(OffsetDateTime lastUsedAt, OffsetDateTime expiresAt, Staff.AccountRow account, DataScopes.Grant grant) {
        }
        long readAt = cache.now();
        List<Row> rows = jdbc.sql("SELECT t.last_used_at, t.expires_at, g.kind, g.target_id, " + Staff.ACCOUNT_COLUMNS
                        + " FROM api_token t JOIN employee e ON e.id = t.employee_id " + Staff.ACCOUNT_JOINS
                        + " LEFT JOIN scope_grant g ON g.employee_id = t.employee_id AND " + DataScopes.GRANT_IN_FORCE
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?")
                .param(today).param(h).param(now)
                .query((rs, n) -> new Row(rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class), Staff.accountRow(rs),
                        rs.getString("kind") == null ? null
                                : new DataScopes.Grant(DataScopes.ScopeGrantKind.valueOf(rs.getString("kind")), rs.getLong("target_id"))))
                .list();
        return Staff.account(rows.stream().map(Row::account).toList())
                .map(account -> new BearerCache.Entry(
                        new Bearer(account, rows.stream().map(Row::grant).filter(Objects::nonNull).distinct().toList()),
                        rows.get(0).expiresAt(), rows.get(0).lastUsedAt(), today, readAt));
    }

    /**
     * Forgets the kept bearers once the change that publishes one of these events has committed (at
     * once when it runs outside a transaction): a staff member created, changed, deactivated or given
     * a new password; the organisation changed ({@link #revoke} does the same for a token). Forgetting
     * before the commit would not do: a call in between would read and keep the old state again.
     */
    @EventListener
    void forgetBearers(StaffChanged changed) {
        afterCommit(cache::clear);
    }

    @EventListener
    void forgetBearers(OrganizationChanged changed) {
        afterCommit(cache::clear);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run(); // after a rollback too: clearing costs only a look-up
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * A usable token's owner as the database holds the account now, with the owner's scope grants
     * in force (read with the token: one statement per call).
     */
    record Bearer(StaffAccount owner, List<DataScopes.Grant> grants) {
    }

    public List<TokenInfo> of(long employeeId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT id, name, created_at, expires_at, last_used_at, revoked_at
                        FROM api_token WHERE employee_id = ? ORDER BY id DESC""")
                .param(employeeId)
                .query((rs, n) -> {
                    Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
                    Instant revoked = instant(rs.getObject("revoked_at", OffsetDateTime.class));
                    return new TokenInfo(rs.getLong("id"), rs.getString("name"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), expires,
                            instant(rs.getObject("last_used_at", OffsetDateTime.class)), revoked,
                            revoked == null && expires.isAfter(now));
                }).list();
    }

    /** Revokes one of the owner's tokens; false when the owner has no such token. */
    @Transactional
    public boolean revoke(long employeeId, String username, long tokenId) {
        int n = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND employee_id = ? AND revoked_at IS NULL")
                .param(utc(clock.instant())).param(tokenId).param(employeeId).update();
        if (n > 0) {
            events.publishEvent(new SecurityAudit(username, "TOKEN_REVOKED", Long.toString(employeeId), "token #" + tokenId));
            afterCommit(cache::clear);
        }
        return n > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
