package io.zhidu.crm.audit;

import io.zhidu.crm.shared.audit.Audited;
import io.zhidu.crm.shared.audit.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit entries and verifies the chain.
 *
 * <p>Contract: {@code hash = SHA-256(prev_hash | seq | epochMillis | actor | action | subjectType
 * | subjectId | detail | clientIp)} with {@code |} as separator and empty text for nulls; the first
 * entry's {@code prev_hash} is 64 zeros. Appends lock the single {@code audit_chain_head} row, so
 * they are serialised across nodes and commit or roll back with the change they record.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Every {@link Audited} event of any module lands here, in the publisher's transaction; in a
     * new one when there is none (sign-ins) or it is read-only (views, exports: a read-only
     * transaction cannot write on PostgreSQL).
     */
    @EventListener
    public void on(Audited event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            insert(event.actor(), event.action(), event.subjectType(), event.subjectId(), event.detail());
        } else {
            newTransaction.executeWithoutResult(status ->
                    insert(event.actor(), event.action(), event.subjectType(), event.subjectId(), event.detail()));
        }
    }

    /**
     * Appends one entry. Text is first made storable (see {@link #clean}) and the hash is taken
     * over exactly what is stored, so the database can never change what was hashed.
     */
    @Transactional
    public long append(String actor, String action, String subjectType, String subjectId, String detail) {
        return insert(actor, action, subjectType, subjectId, detail);
    }

    /** Must run inside a read-write transaction: the head row's lock is held until it ends. */
    private long insert(String actor, String action, String subjectType, String subjectId, String detail) {
        actor = clean(actor == null ? CurrentActor.SYSTEM : actor, 100);
        action = clean(action, 60);
        subjectType = clean(subjectType, 60);
        subjectId = clean(subjectId, 100);
        detail = clean(detail, 4000);
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String ip = clean(clientIp(), 64);
        String hash = hash(prev, seq, at, actor, action, subjectType, subjectId, detail, ip);
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, subject_type, subject_id, detail, client_ip, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, subjectType, subjectId,
                        detail, ip, prev, hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").param(seq).param(hash).update();
        return seq;
    }

    /** The outcome of a verification: intact, or the first entry where the chain breaks. */
    public record Verification(boolean intact, long entriesChecked, Long brokenAtSeq, String reason) {
    }

    /**
     * Recomputes the chain from the first entry: each entry's hash must match its content, link to
     * its predecessor's hash, and sequence numbers must run without gaps up to the head.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        // the head first: entries appended while we read are after it and not part of this check
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        long lastSeq = (Long) head[0];
        AtomicReference<String> prev = new AtomicReference<>(GENESIS);
        long[] expected = {1};
        Verification[] broken = {null};
        jdbc.sql("""
                SELECT seq, occurred_at, actor, action, subject_type, subject_id, detail, client_ip, prev_hash, hash
                FROM audit_entry WHERE seq <= ? ORDER BY seq""")
                .param(lastSeq)
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    if (seq != expected[0]) {
                        broken[0] = new Verification(false, expected[0] - 1, expected[0], "missing entry");
                        return;
                    }
                    Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
                    String recomputed = hash(rs.getString("prev_hash"), seq, at, rs.getString("actor"), rs.getString("action"),
                            rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"),
                            rs.getString("client_ip"));
                    if (!rs.getString("prev_hash").equals(prev.get())) {
                        broken[0] = new Verification(false, seq - 1, seq, "link to previous entry broken");
                    } else if (!recomputed.equals(rs.getString("hash"))) {
                        broken[0] = new Verification(false, seq - 1, seq, "content changed");
                    }
                    prev.set(rs.getString("hash"));
                    expected[0] = seq + 1;
                });
        if (broken[0] != null) {
            return broken[0];
        }
        long checked = expected[0] - 1;
        if (lastSeq != checked || !head[1].equals(prev.get())) {
            return new Verification(false, checked, checked + 1, "entries missing at the end");
        }
        return new Verification(true, checked, null, null);
    }

    static String hash(String prev, long seq, Instant at, String actor, String action, String subjectType,
                       String subjectId, String detail, String ip) {
        String text = String.join("|", prev, Long.toString(seq), Long.toString(at.toEpochMilli()), nz(actor), nz(action),
                nz(subjectType), nz(subjectId), nz(detail), nz(ip));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Makes text storable unchanged on every database: drops NUL and unpaired surrogates (which
     * PostgreSQL refuses or rewrites) and cuts at a code-point boundary to the column's length.
     */
    static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            boolean loneSurrogate = width == 1 && Character.isSurrogate(s.charAt(i));
            if (cp != 0 && !loneSurrogate) {
                if (out.length() + width > max) {
                    break;
                }
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
