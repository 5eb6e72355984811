package io.zhidu.crm.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Contacts extends JpaRepository<Contact, Long> {

    List<Contact> findByCustomerIdOrderById(Long customerId);
}
