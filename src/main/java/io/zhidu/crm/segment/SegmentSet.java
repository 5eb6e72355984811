package io.zhidu.crm.segment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A segment set: its segments in order. A {@link Kind#RULE} set puts a customer in the first
 * segment whose conditions all hold (a segment without conditions takes everyone left), in none
 * when no segment matches; a {@link Kind#MANUAL} set is assigned by hand.
 *
 * @param clause the seed clause the set implements (e.g. O-5), null for a set of the company's own
 */
public record SegmentSet(long id, String code, String nameZh, String nameEn, Kind kind, String clause, List<Segment> segments,
                         long version) {

    public enum Kind {
        RULE, MANUAL;

        public String labelKey() {
            return "segment.kind." + name();
        }
    }

    public record Segment(String code, String nameZh, String nameEn, List<Condition> conditions) {
        public Segment {
            conditions = List.copyOf(conditions);
        }

        public boolean matches(CustomerFacts facts) {
            return conditions.stream().allMatch(c -> c.test(facts));
        }

        public String name(Locale locale) {
            return SegmentSet.english(locale) ? nameEn : nameZh;
        }
    }

    public SegmentSet {
        segments = List.copyOf(segments);
    }

    /** The segment a RULE set gives these facts: the first that matches; empty for none (and for MANUAL sets). */
    public Optional<Segment> classify(CustomerFacts facts) {
        if (kind != Kind.RULE) {
            return Optional.empty();
        }
        return segments.stream().filter(s -> s.matches(facts)).findFirst();
    }

    public Optional<Segment> segment(String segmentCode) {
        return segments.stream().filter(s -> s.code().equals(segmentCode)).findFirst();
    }

    public String name(Locale locale) {
        return english(locale) ? nameEn : nameZh;
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
