package io.zhidu.crm.segment;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The segment sets as configured (tables segment_set, segment, segment_condition). Saving replaces a
 * set's segments and rules as a whole, checked against the version the editor saw; members of a
 * segment that is removed lose it (with a history entry). A set's kind is fixed once created.
 */
@Component
public class SegmentSets {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SegmentSets(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    private record Head(long id, String code, String nameZh, String nameEn, SegmentSet.Kind kind, String clause, long version) {
    }

    private record Row(long setId, String code, String nameZh, String nameEn) {
    }

    private record ConditionRow(long setId, String segmentCode, String fact, String op, String value) {
    }

    /** Every set, by code. */
    @Transactional(readOnly = true)
    public List<SegmentSet> all() {
        return load("", List.of());
    }

    @Transactional(readOnly = true)
    public Optional<SegmentSet> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return load(" WHERE s.code = ?", List.of(code.strip().toUpperCase(java.util.Locale.ROOT))).stream().findFirst();
    }

    /** The set or 404. */
    public SegmentSet get(String code) {
        return find(code).orElseThrow(DomainException::notFound);
    }

    private List<SegmentSet> load(String where, List<Object> params) {
        List<Head> heads = jdbc.sql("SELECT s.id, s.code, s.name_zh, s.name_en, s.kind, s.clause, s.version FROM segment_set s"
                        + where + " ORDER BY s.code").params(params)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        SegmentSet.Kind.valueOf(rs.getString("kind")), rs.getString("clause"), rs.getLong("version"))).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = heads.stream().map(Head::id).collect(Collectors.toSet());
        String in = ids.stream().map(x -> "?").collect(Collectors.joining(", "));
        List<Row> rows = jdbc.sql("SELECT set_id, code, name_zh, name_en FROM segment WHERE set_id IN (" + in + ") ORDER BY set_id, position")
                .params(List.copyOf(ids)).query((rs, n) -> new Row(rs.getLong("set_id"), rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("name_en"))).list();
        List<ConditionRow> conditions = jdbc.sql("SELECT set_id, segment_code, fact, op, operand FROM segment_condition WHERE set_id IN ("
                        + in + ") ORDER BY set_id, segment_code, position").params(List.copyOf(ids))
                .query(SegmentSets::conditionRow).list();
        List<SegmentSet> out = new ArrayList<>();
        for (Head h : heads) {
            List<SegmentSet.Segment> segments = rows.stream().filter(r -> r.setId() == h.id())
                    .map(r -> new SegmentSet.Segment(r.code(), r.nameZh(), r.nameEn(), conditions.stream()
                            .filter(c -> c.setId() == h.id() && c.segmentCode().equals(r.code()))
                            .map(c -> Condition.of(c.fact(), c.op(), c.value())).toList()))
                    .toList();
            out.add(new SegmentSet(h.id(), h.code(), h.nameZh(), h.nameEn(), h.kind(), h.clause(), segments, h.version()));
        }
        return out;
    }

    private static ConditionRow conditionRow(ResultSet rs, int n) throws SQLException {
        return new ConditionRow(rs.getLong("set_id"), rs.getString("segment_code"), rs.getString("fact"), rs.getString("op"),
                rs.getString("operand"));
    }

    /**
     * Creates the set of the form's code, or replaces it when {@code expectedVersion} is the version
     * stored (412 otherwise; 428 when an existing set is saved without one).
     */
    @Transactional
    public SegmentSet save(SegmentSetForm form, Long expectedVersion, long userId) {
        SegmentSet wanted = form.toSet(0, 0);
        Optional<SegmentSet> existing = find(wanted.code());
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id;
        if (existing.isEmpty()) {
            id = jdbc.sql("INSERT INTO segment_set (code, name_zh, name_en, kind, clause, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(wanted.code(), wanted.nameZh(), wanted.nameEn(), wanted.kind().name(), wanted.clause(), userId, now)
                    .update() > 0 ? jdbc.sql("SELECT id FROM segment_set WHERE code = ?").param(wanted.code()).query(Long.class).single() : 0;
        } else {
            SegmentSet old = existing.get();
            if (expectedVersion == null) {
                throw new DomainException(DomainException.Kind.PRECONDITION_REQUIRED, "error.ifMatchRequired", null);
            }
            if (old.kind() != wanted.kind()) {
                throw DomainException.invalid("kind", "segment.error.kindChange");
            }
            int updated = jdbc.sql("""
                            UPDATE segment_set SET name_zh = ?, name_en = ?, clause = ?, updated_by = ?, updated_at = ?, version = version + 1
                            WHERE id = ? AND version = ?""")
                    .params(wanted.nameZh(), wanted.nameEn(), wanted.clause(), userId, now, old.id(), expectedVersion).update();
            if (updated == 0) {
                throw new DomainException(DomainException.Kind.STALE, "error.stale", null);
            }
            id = old.id();
            Set<String> kept = wanted.segments().stream().map(SegmentSet.Segment::code).collect(Collectors.toSet());
            for (SegmentSet.Segment gone : old.segments()) {
                if (!kept.contains(gone.code())) {
                    dropMembers(old.code(), gone.code(), userId, now);
                }
            }
            jdbc.sql("DELETE FROM segment WHERE set_id = ?").param(id).update();
        }
        int position = 0;
        for (SegmentSet.Segment s : wanted.segments()) {
            jdbc.sql("INSERT INTO segment (set_id, code, position, name_zh, name_en) VALUES (?, ?, ?, ?, ?)")
                    .params(id, s.code(), ++position, s.nameZh(), s.nameEn()).update();
            int cp = 0;
            for (Condition c : s.conditions()) {
                jdbc.sql("INSERT INTO segment_condition (set_id, segment_code, position, fact, op, operand) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(id, s.code(), ++cp, c.fact().name(), c.op().name(), c.value()).update();
            }
        }
        events.publishEvent(SegmentChanged.set(CurrentActor.username(), wanted.code(), describe(wanted)));
        return get(wanted.code());
    }

    private void dropMembers(String setCode, String segmentCode, long userId, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO customer_segment_change (customer_id, set_code, old_segment, new_segment, reason, changed_by, changed_at)
                        SELECT customer_id, set_code, segment_code, NULL, NULL, ?, ? FROM customer_segment
                        WHERE set_code = ? AND segment_code = ?""")
                .params(userId, now, setCode, segmentCode).update();
        jdbc.sql("DELETE FROM customer_segment WHERE set_code = ? AND segment_code = ?").params(setCode, segmentCode).update();
    }

    /** The set in one line for the audit log: {@code CLASS4 RULE: IMPORTANT[CONTRACT_AMOUNT_12M GE 200]; CORE[...]}. */
    static String describe(SegmentSet set) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (SegmentSet.Segment s : set.segments()) {
            parts.put(s.code(), s.conditions().stream().map(c -> c.fact() + " " + c.op() + " " + c.value())
                    .collect(Collectors.joining(" AND ")));
        }
        return set.code() + " " + set.kind() + ": " + parts.entrySet().stream()
                .map(e -> e.getKey() + "[" + e.getValue() + "]").collect(Collectors.joining("; "));
    }
}
