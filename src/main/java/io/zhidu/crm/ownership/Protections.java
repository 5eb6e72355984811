package io.zhidu.crm.ownership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Protections extends JpaRepository<Protection, Long> {

    /** The customer's open protection (ACTIVE or EXPIRED), if any. */
    default Optional<Protection> open(long customerId) {
        return findByOpenCustomerId(customerId);
    }

    Optional<Protection> findByOpenCustomerId(Long customerId);

    /** The customer's protections, newest first. */
    List<Protection> findByCustomerIdOrderByIdDesc(long customerId);

    /** The owner's last lapsed protection of the customer (for the cool-off). */
    Optional<Protection> findFirstByCustomerIdAndOwnerIdAndStatusOrderByClosedOnDesc(long customerId, long ownerId,
                                                                                  Protection.Status status);

    /** Every open protection of an owner (transfer of a leaving user's customers). */
    @Query("SELECT p FROM Protection p WHERE p.ownerId = ?1 AND p.openCustomerId IS NOT NULL ORDER BY p.id")
    List<Protection> openOf(long ownerId);
}
