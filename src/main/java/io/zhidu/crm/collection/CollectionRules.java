package io.zhidu.crm.collection;

import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The collection rules of one policy version (section {@code collection}): the days past due on
 * which the salesperson is reminded (seed 6.2.4-7, early collection), and the normal collection
 * period after which the case passes from the office (6.2.3-4) to the planning dept (6.2.3-6).
 *
 * @param reminderDays       the reminder marks, ascending, without duplicates (a 0 setting is off)
 * @param normalPeriodDays   days past due the office collects; on the day after, planning takes over
 */
record CollectionRules(long versionId, List<Integer> reminderDays, int normalPeriodDays) {

    static final String SECTION = "collection";
    static final List<String> REMINDER_SETTINGS = List.of("reminder-1", "reminder-2", "reminder-3");

    CollectionRules {
        reminderDays = reminderDays.stream().filter(d -> d > 0).distinct().sorted().toList();
    }

    static CollectionRules of(PolicyRules rules) {
        return new CollectionRules(rules.versionId(),
                REMINDER_SETTINGS.stream().map(k -> rules.integer(SECTION, k)).toList(),
                rules.integer(SECTION, "normal-period-days"));
    }

    /**
     * The reminder to send for a receivable {@code daysPastDue} days past due when marks up to
     * {@code alreadySent} went out: the highest mark reached and not yet sent (so a run after
     * skipped days sends only the highest passed mark), or empty.
     */
    OptionalInt reminderDue(int daysPastDue, int alreadySent) {
        return IntStream.range(0, reminderDays.size()).map(i -> reminderDays.get(reminderDays.size() - 1 - i))
                .filter(mark -> mark <= daysPastDue && mark > alreadySent).findFirst();
    }

    /** Whether a receivable this far past due takes its case from the office to the planning dept. */
    boolean handOverDue(int daysPastDue) {
        return daysPastDue > normalPeriodDays;
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        PolicySection collectionSection() {
            return new PolicySection(SECTION, PolicyChapter.CREDIT, "collection.policy.section", 20, List.of(
                    PolicySetting.integer("reminder-1", "6.2.4-7", "collection.policy.reminder1", "collection.unit.days", 1, 0, 365),
                    PolicySetting.integer("reminder-2", "6.2.4-7", "collection.policy.reminder2", "collection.unit.days", 15, 0, 365),
                    PolicySetting.integer("reminder-3", "6.2.4-7", "collection.policy.reminder3", "collection.unit.days", 30, 0, 365),
                    PolicySetting.integer("normal-period-days", "6.2.3-6", "collection.policy.normalPeriod", "collection.unit.days",
                            90, 1, 730)));
        }
    }
}
