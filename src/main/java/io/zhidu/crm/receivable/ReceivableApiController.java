package io.zhidu.crm.receivable;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receivables and payments over REST, always inside the caller's data scope: a receivable,
 * payment or customer outside it answers 404, as if absent.
 */
@RestController
class ReceivableApiController {

    private final Receivables receivables;
    private final Payments payments;
    private final Aging aging;
    private final WriteOffs writeOffs;

    ReceivableApiController(Receivables receivables, Payments payments, Aging aging, WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
        this.receivables = receivables;
        this.payments = payments;
        this.aging = aging;
    }

    /** {@code writtenOff}: the amounts written off on or before asOf (also on each row), not part of the open totals. */
    record AgingBody(java.time.LocalDate asOf, String groupBy, List<String> buckets, List<Aging.Row> rows,
                     java.util.Map<String, java.math.BigDecimal> totals, java.math.BigDecimal total,
                     java.math.BigDecimal writtenOff) {
    }

    /** The aging as of a date (default today), grouped by company, office, salesperson or customer, in the scope. */
    @GetMapping("/api/v1/receivables/aging")
    @RequiresPermission("receivable:read")
    AgingBody aging(DataScope scope,
                    @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso =
                            org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate asOf,
                    @RequestParam(required = false) String groupBy) {
        Aging.Report r = aging.asOf(scope, asOf, Aging.GroupBy.of(groupBy));
        return new AgingBody(r.asOf(), r.groupBy().param(), r.buckets(), r.rows(), r.totals(), r.total(), r.writtenOff());
    }

    record ReceivableList(List<Receivables.Row> items, String nextCursor) {
    }

    record PaymentList(List<Payments.Row> items, String nextCursor) {
    }

    record Recorded(long id) {
    }

    record ReverseRequest(String reason) {
    }

    @GetMapping("/api/v1/receivables")
    @RequiresPermission("receivable:read")
    ReceivableList list(DataScope scope, @RequestParam(required = false) Long customerId,
                        @RequestParam(required = false) ReceivableStatus status, @RequestParam(required = false) Long ownerId,
                        @RequestParam(required = false) Long officeId, @RequestParam(required = false) Long companyId,
                        @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int size) {
        Receivables.Page page = receivables.page(scope, new Receivables.Filter(customerId, status, ownerId, officeId, companyId),
                KeysetCursor.decode(cursor), size);
        return new ReceivableList(page.rows(), page.nextCursor());
    }

    @GetMapping("/api/v1/receivables/{id}")
    @RequiresPermission("receivable:read")
    Receivables.Row get(DataScope scope, @PathVariable long id) {
        return receivables.find(scope, id).orElseThrow(DomainException::notFound);
    }

    @PostMapping("/api/v1/payments")
    @RequiresPermission("payment:record")
    ResponseEntity<Payments.Row> record(DataScope scope, @RequestBody Payments.Entry entry) {
        long id = payments.record(scope, entry);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + id))
                .body(payments.find(scope, id).orElseThrow(DomainException::notFound));
    }

    @GetMapping("/api/v1/payments")
    @RequiresPermission("receivable:read")
    PaymentList payments(DataScope scope, @RequestParam(required = false) Long customerId,
                         @RequestParam(required = false) PaymentStatus status, @RequestParam(defaultValue = "false") boolean unallocated,
                         @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int size) {
        Payments.Page page = payments.page(scope, new Payments.Filter(customerId, status, unallocated), KeysetCursor.decode(cursor),
                size);
        return new PaymentList(page.rows(), page.nextCursor());
    }

    @GetMapping("/api/v1/payments/{id}")
    @RequiresPermission("receivable:read")
    Payments.Row payment(DataScope scope, @PathVariable long id) {
        return payments.find(scope, id).orElseThrow(DomainException::notFound);
    }

    record WriteOffRequest(String reason) {
    }

    record WriteOffProposed(long receivableId, long approvalId) {
    }

    /** Proposes a bad-debt write-off: 202 with the approval request that decides it. */
    @PostMapping("/api/v1/receivables/{id}/write-off")
    @RequiresPermission("writeoff:propose")
    org.springframework.http.ResponseEntity<WriteOffProposed> writeOff(DataScope scope, @PathVariable long id,
                                                                       @RequestBody(required = false) WriteOffRequest request) {
        long approval = writeOffs.propose(scope, id, request == null ? null : request.reason());
        return org.springframework.http.ResponseEntity.accepted().location(java.net.URI.create("/api/v1/approvals/" + approval))
                .body(new WriteOffProposed(id, approval));
    }

    record AllocationRequest(List<Payments.Share> allocations) {
    }

    /** Allocates part of a payment's unallocated amount by hand, all or nothing; answers the payment. */
    @PostMapping("/api/v1/payments/{id}/allocations")
    @RequiresPermission("payment:record")
    Payments.Row allocate(DataScope scope, @PathVariable long id, @RequestBody(required = false) AllocationRequest request) {
        payments.allocateByHand(scope, id, request == null ? null : request.allocations());
        return payments.find(scope, id).orElseThrow(DomainException::notFound);
    }

    @PostMapping("/api/v1/payments/{id}/reverse")
    @RequiresPermission("payment:record")
    Payments.Row reverse(DataScope scope, @PathVariable long id, @RequestBody ReverseRequest request) {
        payments.reverse(scope, id, request.reason());
        return payments.find(scope, id).orElseThrow(DomainException::notFound);
    }
}
