package io.zhidu.crm.organization;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.support.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link Staff#signedIn}, the one-statement account read every request makes (issue #8), answers
 * exactly what {@link Staff#byId} answers, and sees a change committed before it at once.
 */
class StaffSignedInIT extends AbstractIntegrationTest {

    @Autowired
    Staff staff;

    @Test
    void answersWhatTheAggregateAnswersForEveryDemoAccount() {
        for (long id : jdbc.sql("SELECT id FROM employee ORDER BY id").query(Long.class).list()) {
            assertThat(staff.signedIn(id)).as("employee %d", id).isEqualTo(staff.byId(id));
        }
        assertThat(staff.signedIn(-1)).isEmpty();
    }

    @Test
    void seesARoleChangeAndADeactivationCommittedJustBefore() {
        long id = userId("sales4");
        try {
            jdbc.sql("INSERT INTO employee_role (employee_id, role) VALUES (?, 'FINANCE')").param(id).update();
            assertThat(staff.signedIn(id).orElseThrow().roles()).contains(Role.SALES, Role.FINANCE);
            jdbc.sql("UPDATE employee SET active = FALSE WHERE id = ?").param(id).update();
            assertThat(staff.signedIn(id).orElseThrow().active()).isFalse();
        } finally {
            jdbc.sql("DELETE FROM employee_role WHERE employee_id = ? AND role = 'FINANCE'").param(id).update();
            jdbc.sql("UPDATE employee SET active = TRUE WHERE id = ?").param(id).update();
        }
        assertThat(staff.signedIn(id).orElseThrow().roles()).containsExactly(Role.SALES);
    }
}
