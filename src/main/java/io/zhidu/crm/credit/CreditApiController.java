package io.zhidu.crm.credit;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's credit over REST (issue #6 item 8). A customer outside the caller's data scope
 * answers 404, as if absent. Changing the credit answers 202 with the approval request deciding it;
 * so does asking for a hold's release, while the hold itself takes effect at once (as on the page).
 */
@RestController
@RequestMapping("/api/v1/customers/{id}/credit")
class CreditApiController {

    private final CustomerCredits credits;

    CreditApiController(CustomerCredits credits) {
        this.credits = credits;
    }

    /** The credit as the API shows it; null figures where no credit was granted. */
    record CreditBody(String rating, BigDecimal limit, BigDecimal exposure, BigDecimal available, BigDecimal overdueAmount,
                      int oldestOverdueDays, boolean onHold, TermsForm form, Integer termsDays, LocalDate validUntil,
                      Long pendingApprovalId) {
    }

    record ChangeRequest(String rating, BigDecimal limit, Integer termsDays, TermsForm form, String reason) {
    }

    record Accepted(long changeId, long approvalId) {
    }

    /** The body of a hold or of a request to release it: the reason (required). */
    record ReasonRequest(String reason) {
    }

    @GetMapping
    @RequiresPermission("credit:read")
    CreditBody get(DataScope scope, @PathVariable long id) {
        CreditPosition p = credits.position(scope, id).orElseThrow(DomainException::notFound);
        CreditTerms c = p.credit();
        Long pending = credits.pending(scope, id).map(CreditChange::approvalId).orElse(null);
        return new CreditBody(c == null ? null : c.rating(), p.limit(), p.exposure(), p.available(), p.overdueAmount(),
                p.oldestOverdueDays(), p.onHold(), c == null ? null : c.form(), c == null ? null : c.days(),
                c == null ? null : c.validUntil(), pending);
    }

    @PutMapping
    @RequiresPermission("credit:propose")
    ResponseEntity<Accepted> change(DataScope scope, @PathVariable long id, @RequestBody(required = false) ChangeRequest body) {
        ChangeRequest b = body == null ? new ChangeRequest(null, null, null, null, null) : body;
        CustomerCredits.Proposed p = credits.propose(scope, id,
                new CustomerCredits.Proposal(b.rating(), b.limit(), b.form(), b.termsDays(), b.reason()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + p.approvalId()))
                .body(new Accepted(p.changeId(), p.approvalId()));
    }

    /** Puts the credit on hold at once, as the page's act (business-dept manager); answers the credit as it now stands. */
    @RequestMapping(path = "/hold", method = {RequestMethod.POST, RequestMethod.PUT})
    @RequiresPermission("credit:hold")
    CreditBody hold(DataScope scope, @PathVariable long id, @RequestBody(required = false) ReasonRequest body) {
        credits.hold(scope, id, body == null ? null : body.reason());
        return get(scope, id);
    }

    /** Asks the VP to take the hold off: 202 with the approval request deciding it. */
    @RequestMapping(path = "/release-hold", method = {RequestMethod.POST, RequestMethod.PUT})
    @RequiresPermission("credit:propose")
    ResponseEntity<Accepted> releaseHold(DataScope scope, @PathVariable long id, @RequestBody(required = false) ReasonRequest body) {
        CustomerCredits.Proposed p = credits.requestRelease(scope, id, body == null ? null : body.reason());
        return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + p.approvalId()))
                .body(new Accepted(p.changeId(), p.approvalId()));
    }
}
