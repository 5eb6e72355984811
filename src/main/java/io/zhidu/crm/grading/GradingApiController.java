package io.zhidu.crm.grading;

import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.grading.Proposal.Review;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grading over REST (issue #7 item 8). A customer outside the caller's data scope answers 404;
 * proposals answer 202 with the approval request deciding them.
 */
@RestController
class GradingApiController {

    private final CustomerGrades grades;
    private final GradingRuns runs;
    private final org.springframework.context.MessageSource messages;

    GradingApiController(CustomerGrades grades, GradingRuns runs, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.grades = grades;
        this.runs = runs;
    }

    /** @param rule the rule that applied as a sentence in the caller's language; @param ruleCode the same as a stable code */
    record IndicatorBody(String code, BigDecimal value, int points, String rule, String ruleCode, String clause, boolean flagged) {
    }

    record GradeBody(String grade, String category, String effectiveGrade, String effectiveCategory, boolean preview,
                     LocalDate asOf, int total, String scoreGrade, boolean newCustomerRule, String suggestedCategory,
                     List<IndicatorBody> indicators, long policyVersion, List<String> clauses, Integer strategicInfluence,
                     Long pendingApprovalId) {
    }

    record InfluenceRequest(Integer points, String reason) {
    }

    record ChangeRequest(String grade, String category, String reason) {
    }

    record Accepted(long id, Long approvalId) {
    }

    record RunRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    }

    record RunBody(long id, LocalDate asOf, String status, int percent, int processed, long policyVersion, Long approvalId,
                   Map<String, Long> counts, List<ProposalBody> proposals) {
    }

    record ProposalBody(long id, long customerId, String customerName, String currentGrade, String computedGrade,
                        String finalGrade, String currentCategory, String finalCategory, int total, String direction,
                        String review, String reason) {
    }

    @GetMapping("/api/v1/customers/{id}/grade")
    @RequiresPermission("grading:read")
    GradeBody grade(DataScope scope, @PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    java.util.Locale locale) {
        CustomerGrades.Card card = grades.card(scope, id, asOf);
        GradeResult r = card.result();
        String grade = card.preview() ? r.grade().name() : card.proposal().finalGrade().name();
        String category = card.preview() ? r.category().name() : card.proposal().finalCategory().name();
        return new GradeBody(grade, category, card.grade() == null ? null : card.grade().name(), card.category().name(),
                card.preview(), r.asOf(), r.total(), r.scoreGrade().name(), r.newCustomerRule(), r.category().name(),
                r.indicators().stream().map(i -> new IndicatorBody(i.code().name(), i.value(), i.points(),
                        messages.getMessage("grading.rule.sentence", new Object[]{
                                messages.getMessage(i.ruleKey(), i.ruleArgs().toArray(), locale), i.points()}, locale),
                        i.ruleCode(), i.clause(),
                        i.flagged())).toList(),
                r.policyVersion(), r.clauses(), card.influence(), card.pending() == null ? null : card.pending().approvalId());
    }

    @PutMapping("/api/v1/customers/{id}/strategic-influence")
    @RequiresPermission("grading:rate")
    ResponseEntity<Void> influence(DataScope scope, @PathVariable long id, @RequestBody(required = false) InfluenceRequest body) {
        grades.rateInfluence(scope, id, body == null ? null : body.points(), body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/customers/{id}/grade-changes")
    @RequiresPermission("grading:propose")
    ResponseEntity<Accepted> change(DataScope scope, @PathVariable long id, @RequestBody(required = false) ChangeRequest body) {
        ChangeRequest b = body == null ? new ChangeRequest(null, null, null) : body;
        Proposal p = grades.proposeChange(scope, id, b.grade(), b.category(), b.reason());
        return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + p.approvalId()))
                .body(new Accepted(p.id(), p.approvalId()));
    }

    @PostMapping("/api/v1/grading/runs")
    @RequiresPermission("grading:run")
    ResponseEntity<Accepted> start(DataScope scope, @RequestBody(required = false) RunRequest body) {
        GradingRun run = runs.start(scope.userId(), body == null ? null : body.asOf());
        runs.launch(run.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/grading/runs/" + run.id())).body(new Accepted(run.id(), null));
    }

    @GetMapping("/api/v1/grading/runs/{id}")
    @RequiresPermission("grading:rate")
    RunBody run(DataScope scope, @PathVariable long id,
                @RequestParam(required = false) Direction direction, @RequestParam(required = false) Long officeId,
                @RequestParam(required = false) Review review, @RequestParam(defaultValue = "0") long after) {
        GradingRun run = runs.run(id);
        List<ProposalBody> proposals = runs.proposals(scope, id, direction, officeId, review, after).stream()
                .map(p -> new ProposalBody(p.id(), p.customerId(), p.customerName(), name(p.currentGrade()), name(p.computedGrade()),
                        name(p.finalGrade()), p.currentCategory().name(), p.finalCategory().name(), p.total(), p.direction().name(),
                        p.review().name(), p.reason()))
                .toList();
        return new RunBody(run.id(), run.asOf(), run.status().name(), run.percent(), run.processed(), run.policyVersionId(),
                run.approvalId(), runs.counts(scope, id), proposals);
    }

    @PostMapping("/api/v1/grading/runs/{id}/submit")
    @RequiresPermission("grading:run")
    ResponseEntity<Accepted> submit(DataScope scope, @PathVariable long id) {
        long approvalId = runs.submit(scope, id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + approvalId)).body(new Accepted(id, approvalId));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
