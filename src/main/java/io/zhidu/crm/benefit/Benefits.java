package io.zhidu.crm.benefit;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The benefits a customer enjoys under the policy in force today (seed 6.1.2-2). Callers that store a
 * decision (a shipping order's priority, a contract review) read it once and keep what it said, so a
 * later policy change applies to new decisions only.
 */
@Service
public class Benefits {

    /** Pseudo-role of the visitors: the customer's owner (业务员). */
    public static final String OWNER = "OWNER";
    /** Who may be named to visit, in display order. */
    public static final List<String> VISITORS = List.of("VP", "BUSINESS_MANAGER", "OFFICE_DIRECTOR", OWNER);

    private final Policies policies;
    private final CustomerSearch customers;
    private final JdbcClient jdbc;

    Benefits(Policies policies, CustomerSearch customers, JdbcClient jdbc) {
        this.policies = policies;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** The benefits of a class today. */
    @Transactional(readOnly = true)
    public Benefit of(Category category, Grade grade) {
        return BenefitMatrix.of(policies.current()).of(category, grade);
    }

    /**
     * The benefits of a customer (also in the recycle bin) by its category and effective grade, without
     * a scope check: for callers that already checked it. Unknown customer: not found.
     */
    @Transactional(readOnly = true)
    public Benefit of(long customerId) {
        record ClassOf(Category category, Grade grade) {
        }
        ClassOf c = jdbc.sql("SELECT category, grade FROM customer WHERE id = ?").param(customerId)
                .query((rs, n) -> new ClassOf(Category.valueOf(rs.getString("category")),
                        rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade"))))
                .optional().orElseThrow(DomainException::notFound);
        return of(c.category(), c.grade());
    }

    /** The benefits of a customer inside the scope; empty outside it or when deleted. */
    @Transactional(readOnly = true)
    public Optional<Benefit> of(DataScope scope, long customerId) {
        return customers.find(scope, customerId, false).map(c -> of(c.category(), c.grade()));
    }

    /** The whole matrix in force today, key accounts then regular customers, A to D. */
    @Transactional(readOnly = true)
    public List<Benefit> matrix() {
        BenefitMatrix m = BenefitMatrix.of(policies.current());
        List<Benefit> all = new ArrayList<>();
        for (Category category : Category.values()) {
            for (Grade grade : Grade.values()) {
                all.add(m.of(category, grade));
            }
        }
        return all;
    }
}
