package io.zhidu.crm.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface Customers extends JpaRepository<Customer, Long> {

    /**
     * Joins the caller's transaction; without one it is a single auto-committed read, not a
     * read-only transaction of its own (issue #8: every customer detail paid BEGIN and COMMIT
     * round trips around this one SELECT). The entity comes back detached either way.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Optional<Customer> findById(Long id);
}
