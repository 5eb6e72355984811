package io.zhidu.crm.contract;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.ETags;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contracts over REST (issue #5 item 8). Every call is confined to the caller's data scope: a
 * contract or customer outside it answers 404, exactly as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/contracts")
class ContractApiController {

    private final Contracts contracts;
    private final ContractQueries queries;

    ContractApiController(Contracts contracts, ContractQueries queries) {
        this.contracts = contracts;
        this.queries = queries;
    }

    record Submitted(long approvalId) {
    }

    record SignRequest(LocalDate signedOn) {
    }

    record ShipRequest(LocalDate shippedOn) {
    }

    @GetMapping
    @RequiresPermission("contract:read")
    ContractQueries.Page list(DataScope scope, @RequestParam(required = false) Long customerId,
                              @RequestParam(required = false) ContractStatus status,
                              @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int size) {
        return queries.page(scope, customerId, status, KeysetCursor.decode(cursor), size);
    }

    @GetMapping("/{id}")
    @RequiresPermission("contract:read")
    ResponseEntity<ContractView> get(DataScope scope, @PathVariable long id) {
        ContractView v = contracts.find(scope, id).orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(v);
    }

    @PostMapping
    @RequiresPermission("contract:edit")
    ResponseEntity<ContractView> create(DataScope scope, @RequestBody Contracts.Draft draft) {
        ContractView v = contracts.draft(scope, draft);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + v.id())).eTag(ETags.of(v.version())).body(v);
    }

    @PostMapping("/{id}/submit")
    @RequiresPermission("contract:edit")
    ResponseEntity<Submitted> submit(DataScope scope, @PathVariable long id) {
        return ResponseEntity.accepted().body(new Submitted(contracts.submit(scope, id)));
    }

    @PostMapping("/{id}/sign")
    @RequiresPermission("contract:edit")
    ResponseEntity<ContractView> sign(DataScope scope, @PathVariable long id, @RequestBody SignRequest body) {
        return ok(contracts.sign(scope, id, body == null ? null : body.signedOn()));
    }

    @PostMapping("/{id}/ship")
    @RequiresPermission("shipment:record")
    ResponseEntity<ContractView> ship(DataScope scope, @PathVariable long id, @RequestBody ShipRequest body) {
        return ok(contracts.ship(scope, id, body == null ? null : body.shippedOn()));
    }

    @PostMapping("/{id}/complete")
    @RequiresPermission("contract:edit")
    ResponseEntity<ContractView> complete(DataScope scope, @PathVariable long id) {
        return ok(contracts.complete(scope, id));
    }

    @PostMapping("/{id}/terminate")
    @RequiresPermission("contract:edit")
    ResponseEntity<ContractView> terminate(DataScope scope, @PathVariable long id) {
        return ok(contracts.terminate(scope, id));
    }

    private static ResponseEntity<ContractView> ok(ContractView v) {
        return ResponseEntity.ok().eTag(ETags.of(v.version())).body(v);
    }
}
