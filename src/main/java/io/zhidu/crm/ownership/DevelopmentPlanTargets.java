package io.zhidu.crm.ownership;

import org.springframework.data.jpa.repository.JpaRepository;

/** The targets of the offices' development plans. */
interface DevelopmentPlanTargets extends JpaRepository<DevelopmentPlan, Long> {
}
