package io.zhidu.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's contracts and money (issue #5 item 9): what a person trying the demo expects to find. */
class DemoContractsIT extends AbstractIntegrationTest {

    @Autowired
    BusinessClock clock;

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theDemoHasContractsInEveryStateAndReceivablesInEveryCondition() {
        LocalDate today = clock.today();
        String demo = "SELECT COUNT(*) FROM contract WHERE created_by IN (SELECT id FROM employee WHERE username LIKE 'sales%') AND ";
        assertThat(count(demo + "status = 'SIGNED' AND imported = TRUE")).isGreaterThanOrEqualTo(50);
        assertThat(count(demo + "status = 'DRAFT'")).isGreaterThanOrEqualTo(3);
        assertThat(count(demo + "status = 'IN_REVIEW'")).isGreaterThanOrEqualTo(2);
        assertThat(count(demo + "shipped_on IS NOT NULL")).isGreaterThanOrEqualTo(10);
        assertThat(count(demo + "signed_on < ?", today.minusYears(1))).isGreaterThanOrEqualTo(20);
        // catalogue lines carry the list prices of their signing date: those signed before the rise carry the old price
        assertThat(count("""
                SELECT COUNT(*) FROM contract_line l JOIN contract c ON c.id = l.contract_id JOIN product p ON p.id = l.product_id
                WHERE c.imported = TRUE AND c.price_date = c.signed_on AND l.list_price = (SELECT pp.list_price FROM product_price pp
                      WHERE pp.product_id = p.id AND pp.effective_from <= c.signed_on ORDER BY pp.effective_from DESC FETCH FIRST 1 ROWS ONLY)
                """)).isEqualTo(count("SELECT COUNT(*) FROM contract_line l JOIN contract c ON c.id = l.contract_id WHERE c.imported = TRUE"));

        String receivables = "SELECT COUNT(*) FROM receivable r JOIN contract c ON c.id = r.contract_id WHERE c.imported = TRUE AND ";
        assertThat(count(receivables + "r.status = 'PAID'")).isGreaterThanOrEqualTo(30);
        assertThat(count(receivables + "r.status = 'OPEN' AND r.open_amount < r.amount")).as("partly paid").isGreaterThanOrEqualTo(5);
        assertThat(count(receivables + "r.status = 'OPEN' AND r.due_on < ?", today.minusDays(90))).as("> 90 days").isGreaterThanOrEqualTo(5);
        assertThat(count(receivables + "r.status = 'OPEN' AND r.due_on < ?", today.minusDays(365))).as("> 365 days").isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE reference LIKE 'DEMO-%' AND status = 'RECORDED' AND unallocated > 0"))
                .as("a prepayment").isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE reference LIKE 'DEMO-%' AND received_on > ?", today)).isZero();
        assertThat(count("SELECT COUNT(*) FROM approval WHERE subject_type = 'RECEIVABLE_WRITE_OFF' AND status = 'PENDING'"))
                .as("a write-off awaiting the GM").isGreaterThanOrEqualTo(1);
        // the collections duty ran once after the demo committed: long-overdue debts are at the planning dept
        String cases = "SELECT COUNT(*) FROM collection_case k WHERE k.customer_id IN (SELECT c.customer_id FROM contract c "
                + "WHERE c.imported = TRUE) AND k.stage = ?";
        assertThat(count(cases, "PLANNING")).as("cases at the planning dept").isGreaterThanOrEqualTo(1);
        assertThat(count(cases, "OFFICE")).as("cases at the offices").isGreaterThanOrEqualTo(1);
    }
}
