package io.zhidu.crm.shipping;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
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
 * Shipping orders over REST (issue #6 item 8): POST creates, confirms and runs the credit check in
 * one call (201 RELEASED or BLOCKED with the reasons); a blocked order asks for release (202 with the
 * approval); the queue in shipping-priority order with a keyset cursor. An order or contract outside
 * the caller's data scope answers 404.
 */
@RestController
@RequestMapping("/api/v1/shipments")
class ShippingApiController {

    private final ShippingOrders orders;

    ShippingApiController(ShippingOrders orders) {
        this.orders = orders;
    }

    record Created(long id, ShippingStatus status, BigDecimal amount, List<ShippingOrders.Reason> reasons) {
    }

    record Requested(long id, long approvalId) {
    }

    record Item(long id, String contractNumber, long customerId, String customerName, boolean keyAccount, LocalDate requestedOn,
                BigDecimal amount, ShippingStatus status, Long releaseApprovalId) {
    }

    record Queue(List<Item> items, String nextCursor) {
    }

    @PostMapping
    @RequiresPermission("shipment:record")
    ResponseEntity<Created> create(DataScope scope, @RequestBody ShippingOrders.Draft draft) {
        ShippingOrders.Order o = orders.submit(scope, draft);
        return ResponseEntity.created(URI.create("/api/v1/shipments/" + o.id()))
                .body(new Created(o.id(), o.status(), o.amount(), o.reasons()));
    }

    @GetMapping("/{id}")
    @RequiresPermission("shipment:record")
    ShippingOrders.Order get(DataScope scope, @PathVariable long id) {
        return orders.find(scope, id).orElseThrow(DomainException::notFound);
    }

    @PostMapping("/{id}/request-release")
    @RequiresPermission("shipment:record")
    ResponseEntity<Requested> requestRelease(DataScope scope, @PathVariable long id) {
        long approvalId = orders.requestRelease(scope, id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + approvalId)).body(new Requested(id, approvalId));
    }

    @PostMapping("/{id}/ship")
    @RequiresPermission("shipment:record")
    ShippingOrders.Order ship(DataScope scope, @PathVariable long id) {
        orders.ship(scope, id);
        return get(scope, id);
    }

    @GetMapping
    @RequiresPermission("shipment:record")
    Queue queue(DataScope scope, @RequestParam(required = false) ShippingStatus status,
                @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int size) {
        ShippingOrders.Page page = orders.queue(scope, status, KeysetCursor.decode(cursor), size);
        return new Queue(page.rows().stream().map(r -> new Item(r.id(), r.contractNumber(), r.customerId(), r.customerName(),
                r.keyAccount(), r.requestedOn(), r.amount(), r.status(), r.releaseApprovalId())).toList(), page.nextCursor());
    }
}
