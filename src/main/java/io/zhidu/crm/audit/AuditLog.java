package io.zhidu.crm.audit;

import io.zhidu.crm.shared.audit.Audited;
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
import org.springframework.transaction.annotation.Transactional;
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

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every {@link Audited} event of any module lands here, in the publisher's transaction. */
    @EventListener
    @Transactional
    public void on(Audited event) {
        append(event.actor(), event.action(), event.subjectType(), event.subjectId(), event.detail());
    }

    @Transactional
    public long append(String actor, String action, String subjectType, String subjectId, String detail) {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String ip = clientIp();
        String safeActor = cut(actor == null ? "system" : actor, 100);
        String safeDetail = detail == null ? null : cut(detail, 4000);
        String hash = hash(prev, seq, at, safeActor, action, subjectType, subjectId, safeDetail, ip);
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, subject_type, subject_id, detail, client_ip, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), safeActor, action, subjectType, subjectId,
                        safeDetail, ip, prev, hash)
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
        AtomicReference<String> prev = new AtomicReference<>(GENESIS);
        long[] expected = {1};
        Verification[] broken = {null};
        jdbc.sql("""
                SELECT seq, occurred_at, actor, action, subject_type, subject_id, detail, client_ip, prev_hash, hash
                FROM audit_entry ORDER BY seq""")
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
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        long checked = expected[0] - 1;
        if ((Long) head[0] != checked || !head[1].equals(prev.get())) {
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

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return cut(request.getRemoteAddr(), 64);
        }
        return null;
    }
}
