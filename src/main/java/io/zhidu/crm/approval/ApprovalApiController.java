package io.zhidu.crm.approval;

import io.zhidu.crm.approval.ApprovalView.Person;
import io.zhidu.crm.approval.ApprovalView.Step;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.security.CurrentStaff;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.shared.web.KeysetCursor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approvals over REST, for every signed-in user. A request is visible to its requester and to
 * the approvers of any of its steps; to anyone else it answers 404, as if absent. Acting on a
 * closed request answers 409; on one that is not yours to decide, 403.
 */
@RestController
@RequestMapping("/api/v1/approvals")
@AnySignedInUser
class ApprovalApiController {

    private final Approvals approvals;
    private final ApprovalInbox inbox;
    private final CurrentStaff current;
    private final MessageSource messages;
    private final ObjectProvider<ApprovalNotes> notes;

    ApprovalApiController(Approvals approvals, ApprovalInbox inbox, CurrentStaff current, MessageSource messages,
                          ObjectProvider<ApprovalNotes> notes) {
        this.notes = notes;
        this.approvals = approvals;
        this.inbox = inbox;
        this.current = current;
        this.messages = messages;
    }

    record Items(List<Item> items, String nextCursor) {
    }

    /** A request in a list; {@code title} in the caller's language. */
    record Item(long id, String subjectType, long subjectId, String title, String link, ApprovalStatus status,
                long requesterId, String requesterName, Instant submittedAt, Instant closedAt, Integer currentStep) {
    }

    /** A request with every step and what its subject's module notes for the approver ({@link ApprovalNotes}). */
    record Detail(long id, String subjectType, long subjectId, String title, String link, ApprovalStatus status,
                  Person requester, Instant submittedAt, Instant closedAt, String withdrawComment, Integer currentStep,
                  List<Step> steps, List<Note> notes) {
    }

    /** A note in the caller's language, with the policy clause it rests on. */
    record Note(String message, String clause) {
    }

    record CommentRequest(@Size(max = Approval.MAX_COMMENT, message = "{approval.comment.tooLong}") String comment) {
    }

    /** {@code mine=pending} (default: waiting for me), {@code requested} (mine) or {@code decided} (by me). */
    @GetMapping
    Items list(@RequestParam(required = false) String mine, @RequestParam(required = false) String cursor,
               @RequestParam(defaultValue = "50") int size, Locale locale) {
        StaffAccount me = me();
        ApprovalInbox.Page page = inbox.page(ApprovalInbox.Mailbox.of(mine), me.id(), me.roles(), KeysetCursor.decode(cursor), size);
        return new Items(page.rows().stream().map(r -> new Item(r.id(), r.subjectType(), r.subjectId(),
                title(r.titleKey(), r.titleArguments(), locale), r.link(), r.status(), r.requesterId(), r.requesterName(),
                r.submittedAt(), r.closedAt(), r.currentStep())).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    Detail get(@PathVariable long id, Locale locale) {
        return detail(visible(id), locale);
    }

    @PostMapping("/{id}/approve")
    Detail approve(@PathVariable long id, @Valid @RequestBody(required = false) CommentRequest request, Locale locale) {
        visible(id);
        approvals.approve(id, me().id(), comment(request));
        return detail(visible(id), locale);
    }

    /** Needs {@code {"comment": "the reason"}}. */
    @PostMapping("/{id}/reject")
    Detail reject(@PathVariable long id, @Valid @RequestBody(required = false) CommentRequest request, Locale locale) {
        visible(id);
        approvals.reject(id, me().id(), comment(request));
        return detail(visible(id), locale);
    }

    @PostMapping("/{id}/withdraw")
    Detail withdraw(@PathVariable long id, @Valid @RequestBody(required = false) CommentRequest request, Locale locale) {
        visible(id);
        approvals.withdraw(id, me().id(), comment(request));
        return detail(visible(id), locale);
    }

    private static String comment(CommentRequest request) {
        return request == null ? null : request.comment();
    }

    private ApprovalView visible(long id) {
        StaffAccount me = me();
        if (!inbox.visible(id, me.id(), me.roles())) {
            throw DomainException.notFound();
        }
        return approvals.find(id).orElseThrow(DomainException::notFound);
    }

    private Detail detail(ApprovalView v, Locale locale) {
        return new Detail(v.id(), v.subjectType(), v.subjectId(), title(v.titleKey(), v.titleArguments(), locale), v.link(),
                v.status(), v.requester(), v.submittedAt(), v.closedAt(), v.withdrawComment(), v.currentStep(), v.steps(),
                notes.orderedStream().flatMap(n -> n.notes(v).stream())
                        .map(n -> new Note(title(n.messageKey(), n.arguments(), locale), n.clause())).toList());
    }

    private String title(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private StaffAccount me() {
        return current.account().orElseThrow(DomainException::notFound);
    }
}
