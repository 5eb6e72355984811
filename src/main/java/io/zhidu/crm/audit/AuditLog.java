package io.zhidu.crm.audit;

import io.zhidu.crm.shared.audit.Audited;
import io.zhidu.crm.shared.audit.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit entries and verifies the chain.
 *
 * <p>Contract: {@code hash = SHA-256(prev_hash | seq | epochMillis | actor | action | subjectType
 * | subjectId | detail | clientIp)} with {@code |} as separator and empty text for nulls; the first
 * entry's {@code prev_hash} is 64 zeros. Entries are staged in {@code audit_pending}, in the
 * transaction of the change they record (no change without its entry), and chained moments later
 * by {@link AuditChainer}, which locks the single {@code audit_chain_head} row, so chaining is
 * serialised across nodes. The chain stays gapless and ordered by seq, but an entry's {@code
 * occurred_at} may precede that of entries chained just before it (ADR 0008).
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    static final int CHAIN_BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final JdbcTemplate batch;
    /** One permit per entry staged on this node since the chainer last looked. */
    private final Semaphore staged = new Semaphore(0);
    /** Non-empty batches of staged entries this node has chained (each one transaction on the head's lock). */
    private final AtomicLong batchesChained = new AtomicLong();

    AuditLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Every {@link Audited} event of any module lands here and is staged (see {@link #stage}): with
     * the publisher's read-write transaction when there is one, so a change and its entry commit or
     * roll back together; else on its own (sign-ins; exports, whose read-only transaction cannot
     * write on PostgreSQL).
     */
    @EventListener
    public void on(Audited event) {
        stage(event);
    }

    /**
     * Appends one entry now, in the caller's transaction or a new one, and answers its seq: the head
     * row's lock is held until that transaction ends. Text is first made storable (see {@link
     * #clean}) and the hash is taken over exactly what is stored, so the database can never change
     * what was hashed. Events do not come this way but are staged ({@link #on}).
     */
    @Transactional
    public long append(String actor, String action, String subjectType, String subjectId, String detail) {
        return chain(List.of(entry(actor, action, subjectType, subjectId, detail)));
    }

    /** An entry as it will be stored and hashed: cleaned text, time to the millisecond, the caller's address. */
    private record Entry(Instant at, String actor, String action, String subjectType, String subjectId, String detail,
                         String ip) {
    }

    private Entry entry(String actor, String action, String subjectType, String subjectId, String detail) {
        return new Entry(clock.instant().truncatedTo(ChronoUnit.MILLIS), clean(actor == null ? CurrentActor.SYSTEM : actor, 100),
                clean(action, 60), clean(subjectType, 60), clean(subjectId, 100), clean(detail, 4000), clean(clientIp(), 64));
    }

    /**
     * Links the entries, in list order, after the chain's head: locks the head row (held until the
     * caller's transaction ends), writes them in one batch and moves the head. Answers the last seq.
     */
    private long chain(List<Entry> entries) {
        return link(lockHead(), entries);
    }

    /** The chain's last entry, its row locked until the transaction ends. */
    private record Head(long seq, String hash) {
    }

    private Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private long link(Head head, List<Entry> entries) {
        long seq = head.seq();
        String prev = head.hash();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            seq++;
            String hash = hash(prev, seq, e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.detail(), e.ip());
            rows.add(new Object[]{seq, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.actor(), e.action(), e.subjectType(),
                    e.subjectId(), e.detail(), e.ip(), prev, hash});
            prev = hash;
        }
        batch.batchUpdate("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, subject_type, subject_id, detail, client_ip, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").param(seq).param(prev).update();
        return seq;
    }

    /**
     * Stages an entry: one INSERT into {@code audit_pending}, without the head's lock, in the
     * publisher's read-write transaction (committed or rolled back with it), else committed before
     * this returns; the {@link AuditChainer} is woken once it is committed. Its time and client
     * address are taken now; its place in the chain when it is chained (ADR 0008).
     */
    private void stage(Audited event) {
        Entry e = entry(event.actor(), event.action(), event.subjectType(), event.subjectId(), event.detail());
        Runnable insert = () -> jdbc.sql("""
                        INSERT INTO audit_pending (occurred_at, actor, action, subject_type, subject_id, detail, client_ip)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                        e.detail(), e.ip())
                .update();
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            insert.run();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    staged.release();
                }
            });
        } else if (TransactionSynchronizationManager.isActualTransactionActive()) {
            newTransaction.executeWithoutResult(status -> insert.run());
            staged.release();
        } else {
            insert.run();   // auto-committed: one statement, durable when it returns
            staged.release();
        }
    }

    /** Waits until an entry is staged on this node, or the time is up; false when it is up. */
    boolean awaitStaged(Duration most) throws InterruptedException {
        boolean woken = staged.tryAcquire(most.toMillis(), TimeUnit.MILLISECONDS);
        staged.drainPermits();
        return woken;
    }

    long batchesChained() {
        return batchesChained.get();
    }

    /** Wakes a waiting {@link #awaitStaged} at once (shutdown). */
    void wake() {
        staged.release();
    }

    /**
     * Moves every staged entry into the chain, oldest staged first, {@value #CHAIN_BATCH} per
     * transaction, and answers how many. Any node may run it at any time: the head's lock
     * serialises it with every other append, and a staged row is deleted in the transaction that
     * chains it, so each is chained exactly once.
     */
    public int chainStaged() {
        int total = 0;
        int n;
        do {
            // a look without the lock first: most polls find nothing and must not queue on the head;
            // by the key, not a scan: the table churns and its dead rows made the scan ~1 ms (issue #8)
            n = jdbc.sql("SELECT id FROM audit_pending ORDER BY id FETCH FIRST 1 ROWS ONLY").query(Long.class).optional().isEmpty() ? 0
                    : newTransaction.execute(status -> chainStagedBatch());
            total += n;
        } while (n == CHAIN_BATCH);
        return total;
    }

    private int chainStagedBatch() {
        // the head first: whoever held it before us has committed, so we see what it deleted
        Head head = lockHead();
        List<Long> ids = new ArrayList<>();
        List<Entry> entries = jdbc.sql("""
                        SELECT id, occurred_at, actor, action, subject_type, subject_id, detail, client_ip
                        FROM audit_pending ORDER BY id LIMIT %d""".formatted(CHAIN_BATCH))
                .query((rs, n) -> {
                    ids.add(rs.getLong("id"));
                    return new Entry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                            rs.getString("detail"), rs.getString("client_ip"));
                }).list();
        if (entries.isEmpty()) {
            return 0;
        }
        link(head, entries);
        batch.batchUpdate("DELETE FROM audit_pending WHERE id = ?", ids.stream().map(id -> new Object[]{id}).toList());
        batchesChained.incrementAndGet();
        return entries.size();
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
