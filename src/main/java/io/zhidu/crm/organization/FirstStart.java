package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DemoMode;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start of an installation without demo data: creates the company with an executive
 * office and an IT department, and the {@code admin} account with the password from
 * {@code ZHIDU_ADMIN_PASSWORD} or, if none is given, a random one printed once to the log.
 * Either way the admin must choose a new password at the first sign-in. There is no fixed
 * default password.
 */
@Component
@Order(10)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final OrganizationManagement management;
    private final Environment env;
    private final String companyName;
    private final String adminPassword;

    FirstStart(OrganizationManagement management, Environment env,
               @Value("${zhidu.company-name:本公司}") String companyName,
               @Value("${zhidu.admin-password:}") String adminPassword) {
        this.management = management;
        this.env = env;
        this.companyName = companyName;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (DemoMode.enabled(env) || !management.isEmpty()) {
            return;
        }
        Company company = management.createGroup(companyName);
        management.createDepartment(new OrgUnitForms.DepartmentForm(company.getId(), "EXEC", "总经理办公室", DepartmentKind.EXECUTIVE));
        Department it = management.createDepartment(new OrgUnitForms.DepartmentForm(company.getId(), "IT", "信息技术部", DepartmentKind.IT));
        String password = adminPassword == null || adminPassword.isBlank() ? null : adminPassword;
        OrganizationManagement.Registered admin = management.register(new UserForm("admin", "系统管理员", null, null,
                it.getId(), null, null, EnumSet.of(Role.ADMIN), password));
        if (admin.temporaryPassword() != null) {
            log.warn("\n\n  First start: the 'admin' account was created with the one-time password  {}\n"
                    + "  It is shown only now. Sign in and choose a new password.\n", admin.temporaryPassword());
        } else {
            log.info("First start: the 'admin' account was created with the password from ZHIDU_ADMIN_PASSWORD; "
                    + "it must be changed at the first sign-in.");
        }
    }
}
