package io.zhidu.crm.receivable;

import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aging buckets of one policy version (section {@code aging}, clause 6.2.4-4(1)): upper bounds
 * in days past due, e.g. 30, 60, 90, 180, 365 give not yet due, 1–30, 31–60, 61–90, 91–180,
 * 181–365 and over 365 days past due. A receivable due on the as-of date is 0 days past due (not
 * yet due); one due the day before is 1 day past due.
 *
 * @param bounds strictly increasing positive upper bounds
 */
public record AgingBuckets(long versionId, List<Integer> bounds) {

    static final String SECTION = "aging";
    static final String NOT_DUE = "NOT_DUE";

    public AgingBuckets {
        bounds = List.copyOf(new TreeSet<>(bounds.stream().filter(b -> b > 0).toList()));
    }

    static AgingBuckets of(PolicyRules rules) {
        List<Integer> bounds = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            bounds.add(rules.integer(SECTION, "bucket-" + i));
        }
        return new AgingBuckets(rules.versionId(), bounds);
    }

    /** The bucket codes in order: NOT_DUE, 1_30, 31_60, …, OVER_365. */
    public List<String> codes() {
        List<String> codes = new ArrayList<>();
        codes.add(NOT_DUE);
        int from = 1;
        for (int b : bounds) {
            codes.add(from + "_" + b);
            from = b + 1;
        }
        codes.add("OVER_" + bounds.get(bounds.size() - 1));
        return List.copyOf(codes);
    }

    /** The bucket index of a receivable that is {@code daysPastDue} past due (0 or less: not yet due). */
    public int index(long daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        for (int i = 0; i < bounds.size(); i++) {
            if (daysPastDue <= bounds.get(i)) {
                return i + 1;
            }
        }
        return bounds.size() + 1;
    }

    /**
     * The earliest due date of each bucket but the last, as of a date: bucket {@code i} holds due
     * dates on or after {@code thresholds.get(i)} (and before the previous threshold).
     */
    List<LocalDate> thresholds(LocalDate asOf) {
        List<LocalDate> t = new ArrayList<>();
        t.add(asOf);
        for (int b : bounds) {
            t.add(asOf.minusDays(b));
        }
        return t;
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        PolicySection agingSection() {
            return new PolicySection(SECTION, PolicyChapter.CREDIT, "receivable.policy.aging", 40, List.of(
                    PolicySetting.integer("bucket-1", "6.2.4-4(1)", "receivable.policy.bucket1", "receivable.unit.days", 30, 1, 3650),
                    PolicySetting.integer("bucket-2", "6.2.4-4(1)", "receivable.policy.bucket2", "receivable.unit.days", 60, 1, 3650),
                    PolicySetting.integer("bucket-3", "6.2.4-4(1)", "receivable.policy.bucket3", "receivable.unit.days", 90, 1, 3650),
                    PolicySetting.integer("bucket-4", "6.2.4-4(1)", "receivable.policy.bucket4", "receivable.unit.days", 180, 1, 3650),
                    PolicySetting.integer("bucket-5", "6.2.4-4(1)", "receivable.policy.bucket5", "receivable.unit.days", 365, 1, 3650)));
        }
    }
}
