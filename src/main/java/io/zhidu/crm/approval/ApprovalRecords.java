package io.zhidu.crm.approval;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The stored requests. */
interface ApprovalRecords extends JpaRepository<Approval, Long> {

    /** The request, its row locked until the transaction ends: acts on one request run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Approval a where a.id = :id")
    Optional<Approval> lockById(@Param("id") long id);

    boolean existsByOpenSubject(String openSubject);

    Optional<Approval> findByOpenSubject(String openSubject);

    List<Approval> findTop50BySubjectTypeAndSubjectIdOrderByIdDesc(String subjectType, long subjectId);
}
