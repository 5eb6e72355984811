package io.zhidu.crm.segment;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's segments (table customer_segment) and their history: read by anyone who may read
 * the customer, MANUAL sets assigned by hand inside the assigner's data scope (an office director's
 * is the office). Outside the scope a customer is absent (404).
 */
@Component
public class CustomerSegments {

    static final int HISTORY = 50;
    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final SegmentSets sets;
    private final CustomerSearch customers;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerSegments(JdbcClient jdbc, SegmentSets sets, CustomerSearch customers, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sets = sets;
        this.customers = customers;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A customer's place in one set.
     *
     * @param segment    null when in none of its segments
     * @param assignedBy who assigned it by hand; null when by the set's rules (or none)
     */
    public record Membership(SegmentSet set, SegmentSet.Segment segment, String assignedBy, Instant assignedAt) {
    }

    /** One change of a membership; a null segment is "none", a null {@code changedBy} the rules. */
    public record Change(String setCode, String oldSegment, String newSegment, String reason, String changedBy, Instant changedAt) {
    }

    private record Stored(String setCode, String segmentCode, String assignedBy, Instant assignedAt) {
    }

    /** The customer's place in every set, in set order. */
    @Transactional(readOnly = true)
    public List<Membership> of(DataScope scope, long customerId) {
        visible(scope, customerId);
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT cs.set_code, cs.segment_code, e.full_name, cs.assigned_at FROM customer_segment cs
                        LEFT JOIN employee e ON e.id = cs.assigned_by WHERE cs.customer_id = ?""")
                .param(customerId).query((rs, n) -> new Stored(rs.getString("set_code"), rs.getString("segment_code"),
                        rs.getString("full_name"), rs.getObject("assigned_at", OffsetDateTime.class).toInstant()))
                .list().forEach(s -> stored.put(s.setCode(), s));
        return sets.all().stream().map(set -> {
            Stored s = stored.get(set.code());
            return s == null ? new Membership(set, null, null, null)
                    : new Membership(set, set.segment(s.segmentCode()).orElse(null), s.assignedBy(), s.assignedAt());
        }).toList();
    }

    /** The customer's latest membership changes, newest first. */
    @Transactional(readOnly = true)
    public List<Change> history(DataScope scope, long customerId) {
        visible(scope, customerId);
        return jdbc.sql("""
                        SELECT h.set_code, h.old_segment, h.new_segment, h.reason, e.full_name, h.changed_at
                        FROM customer_segment_change h LEFT JOIN employee e ON e.id = h.changed_by
                        WHERE h.customer_id = ? ORDER BY h.id DESC FETCH FIRST ? ROWS ONLY""")
                .params(customerId, HISTORY)
                .query((rs, n) -> new Change(rs.getString("set_code"), rs.getString("old_segment"), rs.getString("new_segment"),
                        rs.getString("reason"), rs.getString("full_name"), rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Puts the customer in a segment of a MANUAL set, or in none when {@code segmentCode} is blank.
     * Refused: a customer outside the scope or an unknown set (404), a RULE set (409), an unknown
     * segment or an over-long reason (400). Assigning the segment the customer is in changes nothing.
     */
    @Transactional
    public Membership assign(DataScope scope, long customerId, String setCode, String segmentCode, String reason) {
        visible(scope, customerId);
        SegmentSet set = sets.get(setCode);
        if (set.kind() != SegmentSet.Kind.MANUAL) {
            throw DomainException.conflict("segment.error.ruleSet", set.code());
        }
        String code = segmentCode == null || segmentCode.isBlank() ? null : segmentCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (code != null) {
            set.segment(code).orElseThrow(() -> DomainException.invalid("segment", "segment.error.unknownSegment", segmentCode.strip()));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "segment.error.reason", MAX_REASON);
        }
        Optional<String> current = jdbc.sql("SELECT segment_code FROM customer_segment WHERE customer_id = ? AND set_code = ?")
                .params(customerId, set.code()).query(String.class).optional();
        if (current.orElse(null) == null ? code == null : current.get().equals(code)) {
            return membership(scope, customerId, set.code());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("DELETE FROM customer_segment WHERE customer_id = ? AND set_code = ?").params(customerId, set.code()).update();
        if (code != null) {
            jdbc.sql("INSERT INTO customer_segment (customer_id, set_code, segment_code, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)")
                    .params(customerId, set.code(), code, scope.userId(), now).update();
        }
        jdbc.sql("""
                        INSERT INTO customer_segment_change (customer_id, set_code, old_segment, new_segment, reason, changed_by, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, set.code(), current.orElse(null), code, why, scope.userId(), now).update();
        events.publishEvent(SegmentChanged.assigned(CurrentActor.username(), customerId,
                set.code() + ": " + current.orElse("-") + " → " + (code == null ? "-" : code) + (why == null ? "" : " (" + why + ")")));
        return membership(scope, customerId, set.code());
    }

    private Membership membership(DataScope scope, long customerId, String setCode) {
        return of(scope, customerId).stream().filter(m -> m.set().code().equals(setCode)).findFirst().orElseThrow();
    }

    private void visible(DataScope scope, long customerId) {
        customers.find(scope, customerId, false).orElseThrow(DomainException::notFound);
    }
}
