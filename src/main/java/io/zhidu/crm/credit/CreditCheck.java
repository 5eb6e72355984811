package io.zhidu.crm.credit;

import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit check (6.2.4-4(2)) for the modules that commit goods or money to a customer: phase 2's
 * shipping orders before release, contract review before signing. It passes when there is no
 * reason to refuse; otherwise it lists every reason with its code, a message in the caller's
 * language and the amount concerned, and the policy version it applied. It does not check the data
 * scope: the caller has found the customer (or its contract) inside it.
 */
@Service
public class CreditCheck {

    /** A reason to refuse. */
    public record Reason(BlockReason code, String message, BigDecimal amount) {
    }

    /** The outcome: {@link #passed()} when there is no reason. */
    public record Result(long customerId, BigDecimal amount, CreditPosition position, List<Reason> reasons, long policyVersionId) {
        public Result {
            reasons = List.copyOf(reasons);
        }

        public boolean passed() {
            return reasons.isEmpty();
        }
    }

    private final CreditPositions positions;
    private final Policies policies;
    private final BusinessClock clock;
    private final MessageSource messages;
    private final Formats formats;

    CreditCheck(CreditPositions positions, Policies policies, BusinessClock clock, MessageSource messages, Formats formats) {
        this.positions = positions;
        this.policies = policies;
        this.clock = clock;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * Can {@code amount} (zero or more, 元) be committed to the customer now, on top of its exposure?
     *
     * @throws IllegalArgumentException for a negative or missing amount (a programming error of the caller)
     */
    @Transactional(readOnly = true)
    public Result check(long customerId, BigDecimal amount) {
        CreditStandard standard = CreditStandard.of(policies.current());
        CreditPosition p = positions.of(customerId);
        List<CreditRules.Finding> findings = CreditRules.check(p.credit(),
                new CreditRules.Owed(p.exposure(), p.overdueAmount(), p.oldestOverdueDays()), amount, standard.graceDays(),
                clock.today());
        List<Reason> reasons = findings.stream().map(f -> new Reason(f.code(), message(f), f.amount())).toList();
        return new Result(customerId, amount, p, reasons, standard.versionId());
    }

    private String message(CreditRules.Finding f) {
        Object[] args = f.args().stream().map(a -> a instanceof BigDecimal d ? formats.yuan(d)
                : a instanceof LocalDate d ? formats.date(d) : a).toArray();
        return messages.getMessage(f.code().messageKey(), args, LocaleContextHolder.getLocale());
    }
}
