package io.zhidu.crm.segment;

import io.zhidu.crm.shared.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A segment set as typed on the settings screen or sent to the API, checked by {@link #toSet}: a
 * refusal names the field at fault as {@code segments[i].conditions[j].value} and so on.
 */
public record SegmentSetForm(String code, String nameZh, String nameEn, String kind, String clause,
                             List<SegmentInput> segments) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int MAX_SEGMENTS = 20;
    static final int MAX_CONDITIONS = 5;

    public record SegmentInput(String code, String nameZh, String nameEn, List<ConditionInput> conditions) {
    }

    public record ConditionInput(String fact, String op, String value) {
    }

    public SegmentSetForm {
        segments = segments == null ? List.of() : segments;
    }

    /** The form of a set as it stands, for editing. */
    static SegmentSetForm of(SegmentSet set) {
        return new SegmentSetForm(set.code(), set.nameZh(), set.nameEn(), set.kind().name(), set.clause(),
                set.segments().stream().map(s -> new SegmentInput(s.code(), s.nameZh(), s.nameEn(),
                        s.conditions().stream().map(c -> new ConditionInput(c.fact().name(), c.op().name(), c.value())).toList()))
                        .toList());
    }

    /** The set this form describes, or a refusal of its first fault. */
    SegmentSet toSet(long id, long version) {
        String c = code(code(), "code");
        SegmentSet.Kind k;
        try {
            k = SegmentSet.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kind", "segment.error.kind");
        }
        if (segments.isEmpty()) {
            throw DomainException.invalid("segments", "segment.error.noSegments");
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw DomainException.invalid("segments", "segment.error.tooManySegments", MAX_SEGMENTS);
        }
        List<SegmentSet.Segment> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            SegmentInput s = segments.get(i);
            String prefix = "segments[" + i + "].";
            if (s == null) {
                throw DomainException.invalid(prefix + "code", "segment.error.code");
            }
            String sc = code(s.code(), prefix + "code");
            if (!seen.add(sc)) {
                throw DomainException.invalid(prefix + "code", "segment.error.duplicateCode", sc);
            }
            List<ConditionInput> inputs = s.conditions() == null ? List.of() : s.conditions();
            if (k == SegmentSet.Kind.MANUAL && !inputs.isEmpty()) {
                throw DomainException.invalid(prefix + "conditions", "segment.error.manualRules");
            }
            if (inputs.size() > MAX_CONDITIONS) {
                throw DomainException.invalid(prefix + "conditions", "segment.error.tooManyConditions", MAX_CONDITIONS);
            }
            List<Condition> conditions = new ArrayList<>();
            for (int j = 0; j < inputs.size(); j++) {
                ConditionInput ci = inputs.get(j) == null ? new ConditionInput(null, null, null) : inputs.get(j);
                try {
                    conditions.add(Condition.of(ci.fact(), ci.op(), ci.value()));
                } catch (DomainException e) {
                    throw new DomainException(e.kind(), e.messageKey(), prefix + "conditions[" + j + "]." + e.field(), e.args());
                }
            }
            out.add(new SegmentSet.Segment(sc, name(s.nameZh(), prefix + "nameZh"), name(s.nameEn(), prefix + "nameEn"), conditions));
        }
        String cl = clause == null || clause.isBlank() ? null : clause.strip();
        if (cl != null && cl.length() > 20) {
            throw DomainException.invalid("clause", "segment.error.clause");
        }
        return new SegmentSet(id, c, name(nameZh, "nameZh"), name(nameEn, "nameEn"), k, cl, out, version);
    }

    private static String code(String v, String field) {
        String c = v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            throw DomainException.invalid(field, "segment.error.code");
        }
        return c;
    }

    private static String name(String v, String field) {
        String n = v == null ? "" : v.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw DomainException.invalid(field, "segment.error.name");
        }
        return n;
    }
}
