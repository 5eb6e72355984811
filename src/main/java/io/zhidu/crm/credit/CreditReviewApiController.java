package io.zhidu.crm.credit;

import io.zhidu.crm.credit.CreditReviewRule.Direction;
import io.zhidu.crm.credit.ReviewProposal.Review;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credit review over REST (issue #6 item 6): start a round (202, computed in the background),
 * read it with a page of its proposals inside the caller's scope, decide proposals, accept all,
 * submit to the approver (202 with the approval request).
 */
@RestController
class CreditReviewApiController {

    private final CreditReviews reviews;

    CreditReviewApiController(CreditReviews reviews) {
        this.reviews = reviews;
    }

    record StartRequest(String period) {
    }

    record Accepted(long id, Long approvalId) {
    }

    record DecisionRequest(CreditReviews.Decision decision, String rating, BigDecimal limit, String reason) {
    }

    record AcceptAllRequest(Direction direction, Long officeId) {
    }

    record ReviewBody(long id, String period, LocalDate asOf, String status, int percent, int processed, long policyVersion,
                      Long approvalId, Map<String, Long> counts, List<ProposalBody> proposals) {
    }

    record ProposalBody(long id, long customerId, String customerName, String officeName, String currentRating,
                        BigDecimal currentLimit, String computedRating, String finalRating, BigDecimal finalLimit, String finalForm,
                        int finalDays, String direction, List<String> reasons, int scoreTotal, int overdueDays, int years,
                        Integer limitUse, Integer growth, String review, String note, String status) {

        static ProposalBody of(ReviewProposal p) {
            return new ProposalBody(p.id(), p.customerId(), p.customerName(), p.officeName(), p.current().rating(), p.current().limit(),
                    p.computedRating(), p.proposed().rating(), p.proposed().limit(), p.proposed().form().name(), p.proposed().days(),
                    p.direction().name(), p.reasons().stream().map(Enum::name).toList(), p.score().total(), p.overdueDays(), p.years(),
                    p.limitUse(), p.growth(), p.review().name(), p.note(), p.status().name());
        }
    }

    @PostMapping("/api/v1/credit/reviews")
    @RequiresPermission("credit:propose")
    ResponseEntity<Accepted> start(DataScope scope, @RequestBody(required = false) StartRequest body) {
        CreditReview r = reviews.start(scope.userId(), body == null ? null : body.period());
        reviews.launch(r.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/credit/reviews/" + r.id())).body(new Accepted(r.id(), null));
    }

    @GetMapping("/api/v1/credit/reviews/{id}")
    @RequiresPermission("credit:read")
    ReviewBody get(DataScope scope, @PathVariable long id, @RequestParam(required = false) Direction direction,
                   @RequestParam(required = false) Long officeId, @RequestParam(required = false) Review review,
                   @RequestParam(defaultValue = "0") long after) {
        CreditReview r = reviews.review(id);
        return new ReviewBody(r.id(), r.period(), r.asOf(), r.status().name(), r.percent(), r.processed(), r.policyVersionId(),
                r.approvalId(), reviews.counts(id),
                reviews.proposals(scope, id, direction, officeId, review, after).stream().map(ProposalBody::of).toList());
    }

    @PutMapping("/api/v1/credit/reviews/{id}/proposals/{proposalId}")
    @RequiresPermission("credit:propose")
    ProposalBody decide(DataScope scope, @PathVariable long id, @PathVariable long proposalId,
                        @RequestBody(required = false) DecisionRequest body) {
        DecisionRequest b = body == null ? new DecisionRequest(null, null, null, null) : body;
        return ProposalBody.of(reviews.decide(scope, id, proposalId, b.decision(), b.rating(), b.limit(), b.reason()));
    }

    @PostMapping("/api/v1/credit/reviews/{id}/accept-all")
    @RequiresPermission("credit:propose")
    Map<String, Integer> acceptAll(DataScope scope, @PathVariable long id, @RequestBody(required = false) AcceptAllRequest body) {
        return Map.of("accepted", reviews.acceptAll(scope, id, body == null ? null : body.direction(), body == null ? null : body.officeId()));
    }

    @PostMapping("/api/v1/credit/reviews/{id}/submit")
    @RequiresPermission("credit:propose")
    ResponseEntity<Accepted> submit(DataScope scope, @PathVariable long id) {
        long approvalId = reviews.submit(scope, id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + approvalId)).body(new Accepted(id, approvalId));
    }
}
