package io.zhidu.crm.credit;

import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How current a credit file must be kept (policy section {@code credit-file}): a credit ending
 * within {@code expiryNoticeDays} is flagged (6.2.4-5(3): credits are reviewed before they lapse),
 * and a customer with credit needs a field investigation at least every {@code investigationMonths}
 * (6.2.4-3(3): the credit grade rests on investigation; 6.2.4-2(3): the file is kept current).
 */
public record CreditFilePolicy(int expiryNoticeDays, int investigationMonths) {

    static final String SECTION = "credit-file";
    static final String EXPIRY_CLAUSE = "6.2.4-5(3)";
    static final String INVESTIGATION_CLAUSE = "6.2.4-3(3)";

    static CreditFilePolicy of(PolicyRules rules) {
        return new CreditFilePolicy(rules.integer(SECTION, "expiry-notice-days"), rules.integer(SECTION, "investigation-months"));
    }

    /** The last day a credit may end and still be flagged EXPIRING as of {@code today}. */
    LocalDate expiringUntil(LocalDate today) {
        return today.plusDays(expiryNoticeDays);
    }

    /** The earliest investigation date that keeps a customer off NO_INVESTIGATION as of {@code today}. */
    LocalDate investigatedSince(LocalDate today) {
        return today.minusMonths(investigationMonths);
    }

    /**
     * Why a customer's file needs attention as of {@code today}; empty when it is current.
     * Boundaries: a credit valid until today is EXPIRING, not EXPIRED; one ending exactly
     * {@code expiryNoticeDays} ahead is EXPIRING; an investigation exactly {@code investigationMonths}
     * ago still counts. Customers without credit are only flagged for open slips.
     *
     * @param validUntil       the credit's last valid day, null when no credit was granted
     * @param lastInvestigated the latest field investigation's date, null when none
     */
    Set<FileReason> reasons(LocalDate today, LocalDate validUntil, boolean onHold, LocalDate lastInvestigated, long openSlips) {
        Set<FileReason> found = EnumSet.noneOf(FileReason.class);
        if (validUntil != null) {
            if (validUntil.isBefore(today)) {
                found.add(FileReason.EXPIRED);
            } else if (!validUntil.isAfter(expiringUntil(today))) {
                found.add(FileReason.EXPIRING);
            }
            if (lastInvestigated == null || lastInvestigated.isBefore(investigatedSince(today))) {
                found.add(FileReason.NO_INVESTIGATION);
            }
            if (onHold) {
                found.add(FileReason.ON_HOLD);
            }
        }
        if (openSlips > 0) {
            found.add(FileReason.OPEN_SLIP);
        }
        return found;
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        PolicySection creditFilePolicySection() {
            return new PolicySection(SECTION, PolicyChapter.CREDIT, "creditfile.policy.section", 8, List.of(
                    PolicySetting.integer("expiry-notice-days", EXPIRY_CLAUSE, "creditfile.policy.expiryNoticeDays",
                            "credit.unit.days", 30, 0, 365),
                    PolicySetting.integer("investigation-months", INVESTIGATION_CLAUSE, "creditfile.policy.investigationMonths",
                            "credit.unit.months", 12, 1, 60)));
        }
    }
}
