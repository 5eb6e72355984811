package io.zhidu.crm.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PolicyVersions extends JpaRepository<PolicyVersion, Long> {

    /** The group-wide versions in force on a date, newest first (the first is the one that applies). */
    @Query("""
            SELECT v FROM PolicyVersion v WHERE v.companyId IS NULL AND v.status = ?2
            AND v.effectiveFrom <= ?1 ORDER BY v.effectiveFrom DESC, v.id DESC""")
    List<PolicyVersion> inForceOnOrBefore(LocalDate date, PolicyVersion.Status status, org.springframework.data.domain.Pageable limit);

    default List<PolicyVersion> approvedOnOrBefore(LocalDate date, org.springframework.data.domain.Pageable limit) {
        return inForceOnOrBefore(date, PolicyVersion.Status.APPROVED, limit);
    }

    List<PolicyVersion> findTop200ByCompanyIdIsNullOrderByIdDesc();

    Optional<PolicyVersion> findByLabel(String label);

    boolean existsByStatusIn(List<PolicyVersion.Status> statuses);
}
