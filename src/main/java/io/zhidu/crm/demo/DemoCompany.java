package io.zhidu.crm.demo;

import io.zhidu.crm.organization.Company;
import io.zhidu.crm.organization.Department;
import io.zhidu.crm.organization.DepartmentKind;
import io.zhidu.crm.organization.Office;
import io.zhidu.crm.organization.OrgUnitForms;
import io.zhidu.crm.organization.OrganizationManagement;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.UserForm;
import io.zhidu.crm.shared.DemoMode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo company on the first start in demo mode (an empty database only; a restart
 * keeps what the demo users changed).
 */
@Component
@Order(5)
class DemoCompany implements ApplicationRunner {

    static final String PASSWORD = "zhidu123";
    private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

    private final OrganizationManagement org;
    private final Environment env;
    private final PasswordEncoder passwords;
    private final DemoCustomers customers;
    private final DemoOwnership ownership;
    private final DemoContracts contracts;
    private String passwordHash;
    private boolean loadedNow;

    DemoCompany(OrganizationManagement org, Environment env, PasswordEncoder passwords, DemoCustomers customers,
                DemoOwnership ownership, DemoContracts contracts) {
        this.contracts = contracts;
        this.org = org;
        this.env = env;
        this.passwords = passwords;
        this.customers = customers;
        this.ownership = ownership;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!DemoMode.enabled(env)) {
            return;
        }
        if (org.isEmpty()) {
            load();
            customers.load();
            ownership.load();
            long started = System.nanoTime();
            contracts.load();
            log.info("Demo contracts, receivables and payments loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            loadedNow = true;
        }
        log.info("\n\n  Zhidu CRM demo company: sign in at /login as admin, gm, vp, bizmgr, stat, director1, director2,\n"
                + "  sales1…sales5, finance, planning, service or warehouse — password {}\n", PASSWORD);
    }

    /** Whether this start created the demo company (a restart on the same database does not). */
    boolean loadedNow() {
        return loadedNow;
    }

    private void load() {
        passwordHash = passwords.encode(PASSWORD);
        Company group = org.createGroup("华信机电集团有限公司");
        long c = group.getId();
        Department exec = org.createDepartment(new OrgUnitForms.DepartmentForm(c, "EXEC", "总经理办公室", DepartmentKind.EXECUTIVE));
        Department business = org.createDepartment(new OrgUnitForms.DepartmentForm(c, "BIZ", "业务部", DepartmentKind.BUSINESS));
        Department finance = org.createDepartment(new OrgUnitForms.DepartmentForm(c, "FIN", "财务部", DepartmentKind.FINANCE));
        Department planning = org.createDepartment(new OrgUnitForms.DepartmentForm(c, "PLAN", "企划部", DepartmentKind.PLANNING));
        Department service = org.createDepartment(new OrgUnitForms.DepartmentForm(c, "CS", "客户服务部", DepartmentKind.CUSTOMER_SERVICE));
        org.createDepartment(new OrgUnitForms.DepartmentForm(c, "MKT", "市场部", DepartmentKind.MARKETING));
        Department warehouse = org.createDepartment(new OrgUnitForms.DepartmentForm(c, "WH", "储运部", DepartmentKind.WAREHOUSE));
        Department it = org.createDepartment(new OrgUnitForms.DepartmentForm(c, "IT", "信息技术部", DepartmentKind.IT));

        Office east = org.createOffice(new OrgUnitForms.OfficeForm(business.getId(), "EAST", "华东办事处", "华东"));
        Office south = org.createOffice(new OrgUnitForms.OfficeForm(business.getId(), "SOUTH", "华南办事处", "华南"));
        Office north = org.createOffice(new OrgUnitForms.OfficeForm(business.getId(), "NORTH", "华北办事处", "华北"));
        Office southwest = org.createOffice(new OrgUnitForms.OfficeForm(business.getId(), "SOUTHWEST", "西南办事处", "西南"));

        Map<String, Long> ids = new HashMap<>();
        user(ids, "gm", "王建国", exec, null, null, Role.GM);
        user(ids, "vp", "李振华", exec, null, "gm", Role.VP);
        user(ids, "admin", "林志强", it, null, "gm", Role.ADMIN);
        user(ids, "bizmgr", "张伟", business, null, "vp", Role.BUSINESS_MANAGER);
        user(ids, "stat", "刘芳", business, null, "bizmgr", Role.STATISTICIAN);
        user(ids, "director1", "陈明", business, east, "bizmgr", Role.OFFICE_DIRECTOR);
        user(ids, "director2", "赵磊", business, south, "bizmgr", Role.OFFICE_DIRECTOR);
        user(ids, "sales1", "孙丽", business, east, "director1", Role.SALES);
        user(ids, "sales2", "周杰", business, east, "director1", Role.SALES);
        user(ids, "sales3", "吴婷", business, south, "director2", Role.SALES);
        user(ids, "sales4", "郭强", business, north, "bizmgr", Role.SALES);
        user(ids, "sales5", "黄敏", business, southwest, "bizmgr", Role.SALES);
        user(ids, "finance", "郑洁", finance, null, "vp", Role.FINANCE);
        user(ids, "planning", "冯涛", planning, null, "vp", Role.PLANNING);
        user(ids, "service", "何静", service, null, "bizmgr", Role.CUSTOMER_SERVICE);
        user(ids, "warehouse", "马强", warehouse, null, "vp", Role.WAREHOUSE);
    }

    private void user(Map<String, Long> ids, String username, String name, Department dept, Office office,
                      String supervisor, Role role) {
        UserForm form = new UserForm(username, name, username + "@demo.zhidu.io", null, dept.getId(),
                office == null ? null : office.getId(), supervisor == null ? null : ids.get(supervisor),
                EnumSet.of(role), PASSWORD);
        ids.put(username, org.register(form, false, passwordHash).id());
    }
}
