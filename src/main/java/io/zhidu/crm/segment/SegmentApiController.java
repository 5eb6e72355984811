package io.zhidu.crm.segment;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.ETags;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segment sets and customers' segments over REST. A customer outside the caller's scope and an
 * unknown set answer 404; saving a set needs the If-Match of the version read (428 without, 412
 * stale), except when it creates the set.
 */
@RestController
class SegmentApiController {

    private final SegmentSets sets;
    private final CustomerSegments memberships;
    private final SegmentRefresh refresh;
    private final BusinessClock clock;

    SegmentApiController(SegmentSets sets, CustomerSegments memberships, SegmentRefresh refresh, BusinessClock clock) {
        this.sets = sets;
        this.memberships = memberships;
        this.refresh = refresh;
        this.clock = clock;
    }

    record ConditionBody(String fact, String op, String value) {
    }

    record SegmentBody(String code, String nameZh, String nameEn, List<ConditionBody> conditions) {
    }

    record SetBody(String code, String nameZh, String nameEn, String kind, String clause, List<SegmentBody> segments, long version) {
    }

    record SetList(List<SetBody> items, String nextCursor) {
    }

    record MembershipBody(String set, String setName, String kind, String segment, String segmentName, String assignedBy,
                          Instant assignedAt) {
    }

    record MembershipList(List<MembershipBody> items) {
    }

    record AssignRequest(String segment, String reason) {
    }

    record RefreshBody(int customers, int changed) {
    }

    @GetMapping("/api/v1/segment-sets")
    @RequiresPermission("segment:read")
    SetList list() {
        return new SetList(sets.all().stream().map(SegmentApiController::body).toList(), null);
    }

    @GetMapping("/api/v1/segment-sets/{code}")
    @RequiresPermission("segment:read")
    ResponseEntity<SetBody> get(@PathVariable String code) {
        SegmentSet set = sets.get(code);
        return ResponseEntity.ok().eTag(ETags.of(set.version())).body(body(set));
    }

    /** Creates or replaces a set; the body is {@link SegmentSetForm} ({@code code} defaults to the path's). */
    @PutMapping("/api/v1/segment-sets/{code}")
    @RequiresPermission("segment:configure")
    ResponseEntity<SetBody> save(DataScope scope, @PathVariable String code,
                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                 @RequestBody(required = false) SegmentSetForm form) {
        if (form == null) {
            throw DomainException.invalid("segments", "segment.error.noSegments");
        }
        if (form.code() != null && !form.code().strip().equalsIgnoreCase(code.strip())) {
            throw DomainException.invalid("code", "segment.error.codeMismatch");
        }
        SegmentSetForm f = new SegmentSetForm(code, form.nameZh(), form.nameEn(), form.kind(), form.clause(), form.segments());
        boolean exists = sets.find(code).isPresent();
        SegmentSet saved = sets.save(f, exists ? ETags.required(ifMatch) : null, scope.userId());
        ResponseEntity.BodyBuilder response = exists ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/v1/segment-sets/" + saved.code()));
        return response.eTag(ETags.of(saved.version())).body(body(saved));
    }

    /** Re-evaluates every RULE set now, as of the business date. */
    @PostMapping("/api/v1/segment-sets/refresh")
    @RequiresPermission("segment:configure")
    RefreshBody refresh() {
        SegmentRefresh.Result r = refresh.refresh(clock.today());
        return new RefreshBody(r.customers(), r.changed());
    }

    @GetMapping("/api/v1/customers/{id}/segments")
    @RequiresPermission("segment:read")
    MembershipList of(DataScope scope, @PathVariable long id, Locale locale) {
        return new MembershipList(memberships.of(scope, id).stream().map(m -> body(m, locale)).toList());
    }

    /** Assigns a segment of a MANUAL set ({@code "segment": null} or blank removes the customer from the set). */
    @PutMapping("/api/v1/customers/{id}/segments/{set}")
    @RequiresPermission("segment:assign")
    MembershipBody assign(DataScope scope, @PathVariable long id, @PathVariable("set") String setCode,
                          @RequestBody(required = false) AssignRequest body, Locale locale) {
        AssignRequest b = body == null ? new AssignRequest(null, null) : body;
        return body(memberships.assign(scope, id, setCode, b.segment(), b.reason()), locale);
    }

    private static SetBody body(SegmentSet s) {
        return new SetBody(s.code(), s.nameZh(), s.nameEn(), s.kind().name(), s.clause(), s.segments().stream()
                .map(g -> new SegmentBody(g.code(), g.nameZh(), g.nameEn(), g.conditions().stream()
                        .map(c -> new ConditionBody(c.fact().name(), c.op().name(), c.value())).toList()))
                .toList(), s.version());
    }

    private static MembershipBody body(CustomerSegments.Membership m, Locale locale) {
        return new MembershipBody(m.set().code(), m.set().name(locale), m.set().kind().name(), m.segment() == null ? null : m.segment().code(),
                m.segment() == null ? null : m.segment().name(locale), m.assignedBy(), m.assignedAt());
    }
}
