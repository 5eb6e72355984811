package io.zhidu.crm.policy;

import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.ETags;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy over REST: the effective version, every version, drafts edited with If-Match and
 * submitted for approval (202 with the approval request), and the difference of two versions.
 */
@RestController
@RequestMapping("/api/v1/policy")
class PolicyApiController {

    private final PolicyDocuments documents;
    private final PolicyManagement management;
    private final PolicySubmission submission;

    PolicyApiController(PolicyDocuments documents, PolicyManagement management, PolicySubmission submission) {
        this.documents = documents;
        this.management = management;
        this.submission = submission;
    }

    record VersionList(List<PolicyDocuments.Summary> items, String nextCursor) {
    }

    /** A draft's new header and the values to change, keyed {@code section.setting}. */
    record Revision(String label, LocalDate effectiveFrom, String note, Map<String, String> settings) {
    }

    record Submitted(long versionId, long approvalId) {
    }

    @GetMapping
    @RequiresPermission("policy:read")
    PolicyDocuments.Document effective() {
        return documents.effective();
    }

    /** All versions, newest first (a policy has few; at most the newest 200). */
    @GetMapping("/versions")
    @RequiresPermission("policy:read")
    VersionList versions() {
        return new VersionList(documents.versions(), null);
    }

    @GetMapping("/versions/{id}")
    @RequiresPermission("policy:read")
    ResponseEntity<PolicyDocuments.Document> version(@PathVariable long id) {
        PolicyDocuments.Document doc = documents.document(id);
        return ResponseEntity.ok().eTag(ETags.of(doc.summary().version())).body(doc);
    }

    @PostMapping("/drafts")
    @RequiresPermission("policy:manage")
    ResponseEntity<PolicyDocuments.Summary> draft(DataScope scope, @RequestBody PolicyForms.Draft form) {
        PolicyDocuments.Summary draft = management.draft(form, scope.userId());
        return ResponseEntity.created(URI.create("/api/v1/policy/versions/" + draft.id())).eTag(ETags.of(draft.version()))
                .body(draft);
    }

    @PutMapping("/versions/{id}")
    @RequiresPermission("policy:manage")
    ResponseEntity<PolicyDocuments.Summary> revise(@PathVariable long id,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestBody Revision revision) {
        long expected = ETags.required(ifMatch);
        PolicyDocuments.Summary current = documents.document(id).summary();
        PolicyForms.Draft header = new PolicyForms.Draft(revision.label() == null ? current.label() : revision.label(),
                revision.effectiveFrom() == null ? current.effectiveFrom() : revision.effectiveFrom(),
                revision.note() == null ? current.note() : revision.note());
        PolicyDocuments.Summary saved = management.revise(id, expected, header,
                revision.settings() == null ? Map.of() : revision.settings());
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved);
    }

    @PostMapping("/versions/{id}/submit")
    @RequiresPermission("policy:manage")
    ResponseEntity<Submitted> submit(DataScope scope, @PathVariable long id) {
        long approvalId = submission.submit(id, scope.userId());
        return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + approvalId))
                .body(new Submitted(id, approvalId));
    }

    @PostMapping("/versions/{id}/discard")
    @RequiresPermission("policy:manage")
    ResponseEntity<Void> discard(@PathVariable long id) {
        management.discard(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/diff")
    @RequiresPermission("policy:read")
    List<PolicyDocuments.Difference> diff(@RequestParam long from, @RequestParam long to) {
        return documents.diff(from, to);
    }
}
