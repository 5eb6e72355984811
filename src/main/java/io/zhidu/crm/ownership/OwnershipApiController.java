package io.zhidu.crm.ownership;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Declaration, protection and the public pool over REST. A customer the caller may not reach
 * answers 404; one protected by someone else 409 with who and until when.
 */
@RestController
@RequestMapping("/api/v1")
class OwnershipApiController {

    private final Declarations declarations;
    private final DevelopmentPlans plans;
    private final OwnershipQueries queries;
    private final CustomerSearch search;
    private final Staff staff;
    private final Policies policies;
    private final BusinessClock clock;

    OwnershipApiController(Declarations declarations, DevelopmentPlans plans, OwnershipQueries queries, CustomerSearch search,
                           Staff staff, Policies policies, BusinessClock clock) {
        this.declarations = declarations;
        this.plans = plans;
        this.queries = queries;
        this.search = search;
        this.staff = staff;
        this.policies = policies;
        this.clock = clock;
    }

    /** A pool customer: enough to decide whether to declare it, nothing personal. */
    record PoolItem(long id, String name, String industry, String region, Category category, Stage stage, String officeName) {
    }

    record PoolList(List<PoolItem> items, String nextCursor) {
    }

    record ProtectionList(List<OwnershipQueries.Row> items, String nextCursor) {
    }

    /** {@code toUserId} for one target, {@code toUserIds} to share among several. */
    record TransferRequest(List<Long> customerIds, Long fromUserId, Long toUserId, List<Long> toUserIds, Boolean lead) {
        Declarations.Transfer transfer() {
            List<Long> to = new ArrayList<>();
            if (toUserId != null) {
                to.add(toUserId);
            }
            if (toUserIds != null) {
                to.addAll(toUserIds);
            }
            return new Declarations.Transfer(customerIds, fromUserId, to, Boolean.TRUE.equals(lead));
        }
    }

    record CustomerProtection(List<OwnershipQueries.Row> protections, List<ProtectionLog.Entry> events,
                              List<OwnershipQueries.Progress> progress) {
    }

    @PostMapping("/customers/{id}/declare")
    @RequiresPermission("ownership:declare")
    Declarations.Declared declare(DataScope scope, @PathVariable long id) {
        return declarations.declare(scope, id);
    }

    @PostMapping("/customers/{id}/release")
    @RequiresPermission("customer:read")
    ResponseEntity<Void> release(DataScope scope, @PathVariable long id) {
        declarations.release(scope, id, Grants.can("ownership:transfer"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/customers/transfer")
    @RequiresPermission("ownership:transfer")
    Declarations.Transferred transfer(DataScope scope, @RequestBody TransferRequest request) {
        return declarations.transfer(scope, request.transfer());
    }

    @PostMapping("/customers/{id}/progress")
    @RequiresPermission("customer:edit")
    ResponseEntity<Declarations.ProgressRecorded> progress(DataScope scope, @PathVariable long id,
                                                          @RequestBody Declarations.ProgressForm form) {
        Declarations.ProgressRecorded recorded = declarations.recordProgress(scope, id, form);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/protection")).body(recorded);
    }

    @GetMapping("/customers/{id}/protection")
    @RequiresPermission("customer:read")
    CustomerProtection protection(DataScope scope, @PathVariable long id) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        return new CustomerProtection(queries.ofCustomer(id, clock.today()), declarations.events(id), queries.progress(id));
    }

    @GetMapping("/pool")
    @RequiresPermission("pool:read")
    PoolList pool(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                  @RequestParam(defaultValue = "50") int size) {
        DataScope pool = Declarations.poolScope(staff.byId(scope.userId()).orElseThrow(DomainException::forbidden),
                ProtectionRules.of(policies.current()));
        CustomerSearch.Page page = search.page(pool, CustomerSearch.Filter.pool(q), KeysetCursor.decode(cursor), size);
        return new PoolList(page.rows().stream().map(r -> new PoolItem(r.id(), r.name(), r.industry(), r.region(), r.category(),
                r.stage(), r.officeName())).toList(), page.nextCursor());
    }

    @GetMapping("/declarations")
    @RequiresPermission("ownership:declare")
    ProtectionList mine(DataScope scope, @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int size) {
        OwnershipQueries.Page page = queries.mine(scope.userId(), clock.today(), KeysetCursor.decode(cursor), size);
        return new ProtectionList(page.rows(), page.nextCursor());
    }

    record PlanList(List<DevelopmentPlans.Row> items, String nextCursor) {
    }

    record PlanCreated(long id) {
    }

    @GetMapping("/development-plans")
    @RequiresPermission("plan:edit")
    PlanList plans(DataScope scope, @RequestParam(required = false) Long officeId, @RequestParam(required = false) String cursor,
                   @RequestParam(defaultValue = "50") int size) {
        DevelopmentPlans.Page page = plans.page(scope, officeId, KeysetCursor.decode(cursor), size);
        return new PlanList(page.rows(), page.nextCursor());
    }

    @PostMapping("/development-plans")
    @RequiresPermission("plan:edit")
    ResponseEntity<PlanCreated> addPlan(DataScope scope, @RequestBody DevelopmentPlans.Form form) {
        long id = plans.add(scope, form);
        return ResponseEntity.created(URI.create("/api/v1/development-plans/" + id)).body(new PlanCreated(id));
    }

    @GetMapping("/development-plans/{id}")
    @RequiresPermission("plan:edit")
    ResponseEntity<DevelopmentPlans.Row> plan(DataScope scope, @PathVariable long id) {
        DevelopmentPlans.Row row = plans.find(scope, id).orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(io.zhidu.crm.shared.web.ETags.of(row.version())).body(row);
    }

    @org.springframework.web.bind.annotation.PutMapping("/development-plans/{id}")
    @RequiresPermission("plan:edit")
    ResponseEntity<Void> revisePlan(DataScope scope, @PathVariable long id,
                                    @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @RequestBody DevelopmentPlans.Form form) {
        plans.revise(scope, id, io.zhidu.crm.shared.web.ETags.required(ifMatch), form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/development-plans/{id}/drop")
    @RequiresPermission("plan:edit")
    ResponseEntity<Void> dropPlan(DataScope scope, @PathVariable long id) {
        plans.drop(scope, id, true);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/declarations/expiring")
    @RequiresPermission("ownership:transfer")
    ProtectionList expiring(DataScope scope, @RequestParam(required = false) String cursor,
                            @RequestParam(defaultValue = "50") int size) {
        OwnershipQueries.Page page = queries.expiring(scope, clock.today(), ProtectionRules.of(policies.current()).warningDays(),
                KeysetCursor.decode(cursor), size);
        return new ProtectionList(page.rows(), page.nextCursor());
    }
}
