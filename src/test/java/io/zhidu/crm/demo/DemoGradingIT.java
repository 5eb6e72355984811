package io.zhidu.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.support.AbstractIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's grading (issue #7 item 9): every grade in force, influence rated, and a run waiting for the VP. */
class DemoGradingIT extends AbstractIntegrationTest {

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theDemoHasEveryGradeSomeInfluenceAndARunWaitingForTheVp() {
        // the demo's two runs are the first ones (later tests may add and close their own)
        List<Long> demoRuns = jdbc.sql("SELECT id FROM grading_run ORDER BY id FETCH FIRST 2 ROWS ONLY").query(Long.class).list();
        assertThat(demoRuns).hasSize(2);
        long approved = demoRuns.get(0);
        long waiting = demoRuns.get(1);
        assertThat(jdbc.sql("SELECT status FROM grading_run WHERE id = ?").param(approved).query(String.class).single())
                .isEqualTo("APPROVED");
        // every grade A–D took effect with the approved run
        assertThat(jdbc.sql("""
                        SELECT DISTINCT h.new_grade FROM grade_history h JOIN grading_proposal p ON p.id = h.proposal_id
                        WHERE p.run_id = ? ORDER BY h.new_grade""").param(approved).query(String.class).list())
                .containsExactly("A", "B", "C", "D");
        assertThat(count("SELECT COUNT(*) FROM grading_proposal WHERE run_id = ? AND status = 'APPROVED'", approved))
                .isEqualTo(count("SELECT COUNT(*) FROM grade_history h JOIN grading_proposal p ON p.id = h.proposal_id WHERE p.run_id = ?",
                        approved)).isGreaterThanOrEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM grading_influence WHERE points = 4")).isGreaterThanOrEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM grading_influence WHERE points < 4")).isGreaterThanOrEqualTo(20);

        // the second run was reviewed (one change with a reason) and waits for the VP
        Long approvalId = jdbc.sql("SELECT approval_id FROM grading_run WHERE id = ?").param(waiting).query(Long.class).single();
        assertThat(approvalId).isNotNull();
        assertThat(jdbc.sql("SELECT status FROM approval WHERE id = ?").param(approvalId).query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT subject_type FROM approval WHERE id = ?").param(approvalId).query(String.class).single())
                .isEqualTo("GRADING_RUN");
        assertThat(count("SELECT COUNT(*) FROM grading_proposal WHERE run_id = ? AND review = 'PENDING'", waiting)).isZero();
        assertThat(count("SELECT COUNT(*) FROM grading_proposal WHERE run_id = ? AND review = 'CHANGED' AND reason IS NOT NULL",
                waiting)).isGreaterThanOrEqualTo(1);
    }
}
