package io.zhidu.crm.collection;

import io.zhidu.crm.receivable.PastDue;
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

/** Collection cases over REST, inside the caller's data scope: a case outside it answers 404, as if absent. */
@RestController
class CollectionApiController {

    private final CollectionCases cases;
    private final DunningLetters letters;

    CollectionApiController(CollectionCases cases, DunningLetters letters) {
        this.cases = cases;
        this.letters = letters;
    }

    record CaseList(List<CollectionCases.Row> items, String nextCursor) {
    }

    record CaseDetail(CollectionCases.Row collectionCase, List<PastDue.Line> receivables, List<CollectionCases.Action> actions,
                      List<CollectionCases.History> history) {
    }

    @GetMapping("/api/v1/collections")
    @RequiresPermission("receivable:read")
    CaseList list(DataScope scope, @RequestParam(required = false) CaseStage stage, @RequestParam(required = false) Long officeId,
                  @RequestParam(required = false) Long customerId, @RequestParam(required = false) String cursor,
                  @RequestParam(defaultValue = "50") int size) {
        CollectionCases.Page page = cases.page(scope, new CollectionCases.Filter(stage, officeId, customerId),
                KeysetCursor.decode(cursor), size);
        return new CaseList(page.rows(), page.nextCursor());
    }

    @GetMapping("/api/v1/collections/{id}")
    @RequiresPermission("receivable:read")
    CaseDetail get(DataScope scope, @PathVariable long id) {
        CollectionCases.Row c = cases.find(scope, id).orElseThrow(DomainException::notFound);
        return new CaseDetail(c, cases.receivables(id), cases.actions(id), cases.history(id));
    }

    /** Logs an action: 201 with the action. */
    @PostMapping("/api/v1/collections/{id}/actions")
    @RequiresPermission("collection:act")
    ResponseEntity<CollectionCases.Action> act(DataScope scope, @PathVariable long id,
                                               @RequestBody(required = false) CollectionCases.ActionForm form) {
        if (form == null) {
            throw DomainException.invalid("kind", "collection.error.kindRequired");
        }
        long action = cases.act(scope, id, form);
        return ResponseEntity.created(URI.create("/api/v1/collections/" + id + "#action-" + action))
                .body(cases.action(id, action).orElseThrow(DomainException::notFound));
    }

    @GetMapping("/api/v1/collections/{id}/dunning-letter")
    @RequiresPermission("receivable:read")
    ResponseEntity<byte[]> letter(DataScope scope, @PathVariable long id) {
        return letters.print(scope, id);
    }
}
