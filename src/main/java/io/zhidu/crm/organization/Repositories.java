package io.zhidu.crm.organization;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Employees extends JpaRepository<Employee, Long> {

    Optional<Employee> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Is anyone but {@code id} an active holder of the role? */
    @Query("select count(e) > 0 from Employee e join e.roles r where r = :role and e.active = true and e.id <> :id")
    boolean existsOtherActive(@Param("role") Role role, @Param("id") Long id);
}

interface Companies extends JpaRepository<Company, Long> {

    Optional<Company> findFirstByGroupHeadTrue();

    /** Serialises changes to the reporting line and the admin role across nodes (they are rare). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Company c where c.groupHead = true")
    Optional<Company> lockOrganisation();

    List<Company> findAllByOrderById();

    boolean existsByName(String name);
}

interface Departments extends JpaRepository<Department, Long> {

    List<Department> findAllByOrderById();

    boolean existsByCompanyIdAndCode(Long companyId, String code);
}

interface Offices extends JpaRepository<Office, Long> {

    List<Office> findAllByOrderById();

    boolean existsByDepartmentIdAndCode(Long departmentId, String code);
}
