package io.zhidu.crm.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a customer's credit history: what was proposed (new*), what was in force when it
 * took effect (old*, null until then and for a first grant), why, by whom, and the approval.
 */
public record CreditChange(long id, long customerId, ChangeKind kind, ChangeStatus status,
                           String newRating, BigDecimal newLimit, TermsForm newForm, Integer newDays, LocalDate newValidUntil,
                           Boolean newOnHold, String oldRating, BigDecimal oldLimit, TermsForm oldForm, Integer oldDays,
                           LocalDate oldValidUntil, Boolean oldOnHold, String reason, Long approvalId, String approverRole,
                           long policyVersionId, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt) {
}
