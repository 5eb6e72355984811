package io.zhidu.crm.contract;

import io.zhidu.crm.approval.ApprovalNote;
import io.zhidu.crm.approval.ApprovalNotes;
import io.zhidu.crm.approval.ApprovalView;
import io.zhidu.crm.organization.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table {@code contract_review_flag}: the {@link ReviewFlag}s of each submission to 合同评审,
 * kept with the approval they routed. The contract page lists them per submission; the approval's
 * page shows them to the approver as its notes (why the review came to them). Texts stay message
 * keys with arguments, rendered in the reader's language.
 */
@Component
class ContractReviewFlags implements ApprovalNotes {

    /** A stored flag: the submission (approval and time) and the flag as raised. */
    public record Stored(long approvalId, Instant submittedAt, ReviewFlag flag) {
        public Object[] arguments() {
            return flag.args().toArray();
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Stored> row;

    ContractReviewFlags(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, n) -> new Stored(rs.getLong("approval_id"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                new ReviewFlag(rs.getString("code"), rs.getString("message_key"),
                        List.of(json.readValue(rs.getString("args"), String[].class)), rs.getBigDecimal("amount"),
                        rs.getString("clause"), Role.valueOf(rs.getString("reviewer"))));
    }

    /** Keeps the flags of one submission, in the order the checks raised them. */
    void save(long contractId, long approvalId, Instant at, List<ReviewFlag> flags) {
        int position = 0;
        for (ReviewFlag f : flags) {
            jdbc.sql("""
                            INSERT INTO contract_review_flag (approval_id, position, contract_id, submitted_at, code, message_key, args,
                                                              amount, clause, reviewer)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(approvalId, ++position, contractId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), f.code(),
                            f.messageKey(), json.writeValueAsString(f.args()), f.amount(), f.clause(), f.reviewer().name())
                    .update();
        }
    }

    /** The flags of every submission of the contract, the newest submission first. The caller checked the scope. */
    List<Stored> of(long contractId) {
        return jdbc.sql("SELECT * FROM contract_review_flag WHERE contract_id = ? ORDER BY approval_id DESC, position")
                .param(contractId).query(row).list();
    }

    /** The flags of one submission. */
    List<Stored> ofApproval(long approvalId) {
        return jdbc.sql("SELECT * FROM contract_review_flag WHERE approval_id = ? ORDER BY position").param(approvalId).query(row).list();
    }

    @Override
    public List<ApprovalNote> notes(ApprovalView approval) {
        if (!Contracts.SUBJECT.equals(approval.subjectType())) {
            return List.of();
        }
        return ofApproval(approval.id()).stream()
                .map(s -> new ApprovalNote(s.flag().messageKey(), s.flag().args(), s.flag().clause())).toList();
    }
}
