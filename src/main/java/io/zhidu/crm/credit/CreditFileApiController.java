package io.zhidu.crm.credit;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's credit file over REST: field investigations and information slips (JSON; their
 * files through {@code /api/v1/credit-investigations/{id}/attachments} and
 * {@code /api/v1/credit-slips/{id}/attachments}). A customer outside the caller's scope answers
 * 404; a refused record 400 with the field and the reason, nothing stored.
 */
@RestController
class CreditFileApiController {

    private final FieldInvestigations investigations;
    private final InformationSlips slips;

    CreditFileApiController(FieldInvestigations investigations, InformationSlips slips) {
        this.investigations = investigations;
        this.slips = slips;
    }

    record Items<T>(List<T> items) {
    }

    @GetMapping("/api/v1/customers/{id}/credit/investigations")
    @RequiresPermission("credit:read")
    Items<FieldInvestigations.Row> investigations(DataScope scope, @PathVariable long id) {
        return new Items<>(investigations.ofCustomer(scope, id, FieldInvestigations.MAX_PAGE));
    }

    @PostMapping("/api/v1/customers/{id}/credit/investigations")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    ResponseEntity<FieldInvestigations.Row> recordInvestigation(DataScope scope, @PathVariable long id,
                                                                @RequestBody(required = false) FieldInvestigations.Form body) {
        FieldInvestigations.Row row = investigations.record(scope, id, body, null, null);
        return ResponseEntity.created(URI.create("/api/v1/credit-investigations/" + row.id())).body(row);
    }

    @GetMapping("/api/v1/credit-investigations/{id}")
    @RequiresPermission("credit:read")
    FieldInvestigations.Row investigation(DataScope scope, @PathVariable long id) {
        return investigations.find(scope, id).orElseThrow(DomainException::notFound);
    }

    @GetMapping("/api/v1/customers/{id}/credit/slips")
    @RequiresPermission("credit:read")
    Items<InformationSlips.Row> slips(DataScope scope, @PathVariable long id) {
        return new Items<>(slips.ofCustomer(scope, id, FieldInvestigations.MAX_PAGE));
    }

    @PostMapping("/api/v1/customers/{id}/credit/slips")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    ResponseEntity<InformationSlips.Row> recordSlip(DataScope scope, @PathVariable long id,
                                                    @RequestBody(required = false) InformationSlips.Form body) {
        InformationSlips.Row row = slips.record(scope, id, body, null, null);
        return ResponseEntity.created(URI.create("/api/v1/credit-slips/" + row.id())).body(row);
    }

    @GetMapping("/api/v1/credit-slips/{id}")
    @RequiresPermission("credit:read")
    InformationSlips.Row slip(DataScope scope, @PathVariable long id) {
        return slips.find(scope, id).orElseThrow(DomainException::notFound);
    }

    /** Records how an open slip was handled; 409 when it was handled already. */
    @PostMapping("/api/v1/credit-slips/{id}/handle")
    @RequiresPermission("credit:propose")
    InformationSlips.Row handle(DataScope scope, @PathVariable long id, @RequestBody(required = false) InformationSlips.Handling body) {
        return slips.handle(scope, id, body);
    }
}
