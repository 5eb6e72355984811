package io.zhidu.crm.customer;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Contacts extends JpaRepository<Contact, Long> {

    List<Contact> findByCustomerIdOrderById(Long customerId);

    List<Contact> findByCustomerIdInOrderByCustomerIdAscIdAsc(Collection<Long> customerIds);
}
