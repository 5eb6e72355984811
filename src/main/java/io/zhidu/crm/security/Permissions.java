package io.zhidu.crm.security;

import io.zhidu.crm.organization.Role;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permission strings each role holds (RuoYi-style {@code area:act}). Endpoints check a
 * permission, never a role, so that what a role may do is decided here in one place.
 */
public final class Permissions {

    /** Read the staff directory (within the data scope). */
    public static final String USER_READ = "user:read";
    /** Create, edit, deactivate staff accounts. */
    public static final String USER_MANAGE = "user:manage";
    /** Read the audit log and verify its chain. */
    public static final String AUDIT_READ = "audit:read";
    /** Set the business date (demo / test installations only). */
    public static final String SYSTEM_CLOCK = "system:clock";
    /** See scheduled jobs and run one now. */
    public static final String SYSTEM_JOBS = "system:jobs";

    /** Read customers (list, search, archive) within the data scope. */
    public static final String CUSTOMER_READ = "customer:read";
    /** Register and edit customers and their contacts; export the list. */
    public static final String CUSTOMER_EDIT = "customer:edit";
    /** Move customers to the recycle bin and restore them. */
    public static final String CUSTOMER_DELETE = "customer:delete";

    /** Erase a customer from the recycle bin for good (PIPL), with a reason. */
    public static final String CUSTOMER_PURGE = "customer:purge";

    /** Read the effective policy (管理制度) and its versions. */
    public static final String POLICY_READ = "policy:read";
    /** Draft a new policy version and submit it for the GM's approval. */
    public static final String POLICY_MANAGE = "policy:manage";

    /** Declare (申报) a prospect, new or from the public pool, and release one's own. */
    public static final String OWNERSHIP_DECLARE = "ownership:declare";
    /** Browse and search the public pool (公海). */
    public static final String POOL_READ = "pool:read";
    /** Transfer customers between salespeople; reassign expired protections. */
    public static final String OWNERSHIP_TRANSFER = "ownership:transfer";
    /** Keep an office's new-customer development plan (新客户开发计划). */
    public static final String PLAN_EDIT = "plan:edit";

    /** Read contracts and products (within the data scope). */
    public static final String CONTRACT_READ = "contract:read";
    /** Draft contracts and submit them for review (合同评审); sign approved ones. */
    public static final String CONTRACT_EDIT = "contract:edit";
    /** Keep the product catalogue and its price lists (价目表). */
    public static final String PRODUCT_MANAGE = "product:manage";
    /** Record that the goods of a contract were shipped. */
    public static final String SHIPMENT_RECORD = "shipment:record";
    /** Read receivables, payments, the aging and collection cases (within the data scope). */
    public static final String RECEIVABLE_READ = "receivable:read";
    /** Enter, allocate and reverse payments (回款). */
    public static final String PAYMENT_RECORD = "payment:record";
    /** Log collection actions on cases (phone, letter, visit, promise to pay). */
    public static final String COLLECTION_ACT = "collection:act";
    /** Propose a bad-debt write-off. */
    public static final String WRITEOFF_PROPOSE = "writeoff:propose";

    /** Read customers' credit: rating, limit, exposure, history, the credit card (within the data scope). */
    public static final String CREDIT_READ = "credit:read";
    /** Propose a customer's credit (rating, limit, terms) or the end of a hold, for approval. */
    public static final String CREDIT_PROPOSE = "credit:propose";
    /** Put a customer's credit on hold at once. */
    public static final String CREDIT_HOLD = "credit:hold";
    /** Record field investigations and information slips with their files; see the credit-file work list. */
    public static final String CREDIT_INVESTIGATE = "credit:investigate";

    /** Read customers' grades: the grade card with its explanation and history (within the data scope). */
    public static final String GRADING_READ = "grading:read";
    /** Rate a customer's strategic influence (6.1.1-3(4): business-dept manager or above). */
    public static final String GRADING_RATE = "grading:rate";
    /** Start the grading run, review its proposals and submit them to the VP. */
    public static final String GRADING_RUN = "grading:run";
    /** Propose an ad-hoc grade change (客户升降级) for approval. */
    public static final String GRADING_PROPOSE = "grading:propose";

    /** Read segment sets and customers' segments (within the data scope). */
    public static final String SEGMENT_READ = "segment:read";
    /** Configure segment sets and their rules; refresh the rule sets now. */
    public static final String SEGMENT_CONFIGURE = "segment:configure";
    /** Assign customers to segments of manual sets (within the data scope: an office director's office). */
    public static final String SEGMENT_ASSIGN = "segment:assign";

    private static final Map<Role, Set<String>> BY_ROLE = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            BY_ROLE.put(role, Set.of(USER_READ, CUSTOMER_READ, POLICY_READ));
        }
        BY_ROLE.put(Role.SALES, Set.of(USER_READ, CUSTOMER_READ, CUSTOMER_EDIT, POLICY_READ,
                OWNERSHIP_DECLARE, POOL_READ));
        BY_ROLE.put(Role.OFFICE_DIRECTOR, Set.of(USER_READ, CUSTOMER_READ, CUSTOMER_EDIT, CUSTOMER_DELETE, POLICY_READ,
                OWNERSHIP_DECLARE, POOL_READ, OWNERSHIP_TRANSFER, PLAN_EDIT));
        BY_ROLE.put(Role.STATISTICIAN, Set.of(USER_READ, CUSTOMER_READ, CUSTOMER_EDIT, CUSTOMER_DELETE, POLICY_READ,
                POOL_READ));
        Set<String> leads = Set.of(USER_READ, CUSTOMER_READ, CUSTOMER_EDIT, CUSTOMER_DELETE, POLICY_READ, POLICY_MANAGE,
                POOL_READ, OWNERSHIP_TRANSFER, PLAN_EDIT);
        for (Role role : Set.of(Role.BUSINESS_MANAGER, Role.VP, Role.GM)) {
            BY_ROLE.put(role, leads);
        }
        BY_ROLE.put(Role.ADMIN, Set.of(USER_READ, USER_MANAGE, AUDIT_READ, SYSTEM_CLOCK, SYSTEM_JOBS,
                CUSTOMER_READ, CUSTOMER_EDIT, CUSTOMER_DELETE, CUSTOMER_PURGE, POLICY_READ, POLICY_MANAGE));
    }

    static {
        grant(Set.of(Role.SALES, Role.OFFICE_DIRECTOR), CONTRACT_READ, CONTRACT_EDIT, RECEIVABLE_READ, COLLECTION_ACT);
        grant(Set.of(Role.BUSINESS_MANAGER), CONTRACT_READ, CONTRACT_EDIT, PRODUCT_MANAGE, SHIPMENT_RECORD, RECEIVABLE_READ,
                COLLECTION_ACT);
        grant(Set.of(Role.STATISTICIAN), CONTRACT_READ, PRODUCT_MANAGE, RECEIVABLE_READ);
        grant(Set.of(Role.VP, Role.GM), CONTRACT_READ, RECEIVABLE_READ);
        grant(Set.of(Role.FINANCE), CONTRACT_READ, RECEIVABLE_READ, PAYMENT_RECORD, COLLECTION_ACT, WRITEOFF_PROPOSE);
        grant(Set.of(Role.PLANNING), CONTRACT_READ, RECEIVABLE_READ, COLLECTION_ACT);
        grant(Set.of(Role.WAREHOUSE), CONTRACT_READ, SHIPMENT_RECORD);
    }

    static {
        grant(Set.of(Role.SALES, Role.OFFICE_DIRECTOR, Role.VP, Role.GM, Role.FINANCE, Role.PLANNING, Role.WAREHOUSE), CREDIT_READ);
        grant(Set.of(Role.STATISTICIAN), CREDIT_READ, CREDIT_PROPOSE);
        grant(Set.of(Role.BUSINESS_MANAGER), CREDIT_READ, CREDIT_PROPOSE, CREDIT_HOLD);
        grant(Set.of(Role.SALES, Role.OFFICE_DIRECTOR, Role.STATISTICIAN, Role.BUSINESS_MANAGER), CREDIT_INVESTIGATE);
    }

    static {
        grant(Set.of(Role.SALES, Role.OFFICE_DIRECTOR, Role.STATISTICIAN, Role.BUSINESS_MANAGER, Role.VP, Role.GM, Role.FINANCE,
                Role.PLANNING), GRADING_READ);
        grant(Set.of(Role.BUSINESS_MANAGER, Role.VP, Role.GM), GRADING_RATE);
        grant(Set.of(Role.BUSINESS_MANAGER), GRADING_RUN, GRADING_PROPOSE);
        grant(Set.of(Role.OFFICE_DIRECTOR), GRADING_PROPOSE);
    }

    static {
        grant(Set.of(Role.values()), SEGMENT_READ);
        grant(Set.of(Role.ADMIN, Role.BUSINESS_MANAGER), SEGMENT_CONFIGURE);
        grant(Set.of(Role.BUSINESS_MANAGER, Role.OFFICE_DIRECTOR), SEGMENT_ASSIGN);
    }

    private static void grant(Set<Role> roles, String... permissions) {
        for (Role role : roles) {
            Set<String> all = new TreeSet<>(BY_ROLE.getOrDefault(role, Set.of()));
            all.addAll(Set.of(permissions));
            BY_ROLE.put(role, Set.copyOf(all));
        }
    }

    private Permissions() {
    }

    /** Every permission the given roles hold together. */
    public static Set<String> of(Set<Role> roles) {
        Set<String> all = new TreeSet<>();
        roles.forEach(r -> all.addAll(BY_ROLE.getOrDefault(r, Set.of())));
        return all;
    }
}
