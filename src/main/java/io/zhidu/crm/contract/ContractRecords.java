package io.zhidu.crm.contract;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContractRecords extends JpaRepository<Contract, Long> {
}
