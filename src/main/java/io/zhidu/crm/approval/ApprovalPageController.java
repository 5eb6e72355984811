package io.zhidu.crm.approval;

import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.security.CurrentStaff;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的审批: the inbox (waiting for me, my requests, decided by me) and a request's page with the
 * trail and the forms to approve, reject (with a reason) or withdraw. A request the user may not
 * see answers 404, as if absent.
 */
@ScreenController
@AnySignedInUser
class ApprovalPageController {

    private final Approvals approvals;
    private final ApprovalInbox inbox;
    private final CurrentStaff current;
    private final ObjectProvider<ApprovalNotes> notes;

    ApprovalPageController(Approvals approvals, ApprovalInbox inbox, CurrentStaff current,
                           ObjectProvider<ApprovalNotes> notes) {
        this.approvals = approvals;
        this.inbox = inbox;
        this.current = current;
        this.notes = notes;
    }

    /** The comment of an approval, a rejection (required there) or a withdrawal. */
    record DecisionForm(@Size(max = Approval.MAX_COMMENT, message = "{approval.comment.tooLong}") String comment) {
        static DecisionForm empty() {
            return new DecisionForm(null);
        }
    }

    @GetMapping("/approvals")
    String inbox(@RequestParam(required = false) String tab, @RequestParam(required = false) String cursor, Model model) {
        StaffAccount me = me();
        ApprovalInbox.Mailbox box = ApprovalInbox.Mailbox.of(tab);
        model.addAttribute("tab", box);
        model.addAttribute("tabs", ApprovalInbox.Mailbox.values());
        model.addAttribute("page", inbox.page(box, me.id(), me.roles(), KeysetCursor.decode(cursor), 50));
        return "approvals";
    }

    @GetMapping("/approvals/{id}")
    String show(@PathVariable long id, Model model) {
        return detail(visible(id), model);
    }

    @PostMapping("/approvals/{id}/approve")
    String approve(@PathVariable long id, @Valid @ModelAttribute("approveForm") DecisionForm form, BindingResult errors,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, errors, model, redirect, response, "approval.flash.approved",
                me -> approvals.approve(id, me, form.comment()));
    }

    @PostMapping("/approvals/{id}/reject")
    String reject(@PathVariable long id, @Valid @ModelAttribute("rejectForm") DecisionForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, errors, model, redirect, response, "approval.flash.rejected",
                me -> approvals.reject(id, me, form.comment()));
    }

    @PostMapping("/approvals/{id}/withdraw")
    String withdraw(@PathVariable long id, @Valid @ModelAttribute("withdrawForm") DecisionForm form, BindingResult errors,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, errors, model, redirect, response, "approval.flash.withdrawn",
                me -> approvals.withdraw(id, me, form.comment()));
    }

    private interface Act {
        void by(long staffId);
    }

    /**
     * Runs an act on a visible request. A refusal about the comment goes on its field (input kept);
     * any other (closed, not yours) is shown above the request as it now stands, with its status.
     */
    private String act(long id, BindingResult errors, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, String done, Act act) {
        visible(id);
        if (!errors.hasErrors()) {
            try {
                act.by(me().id());
                redirect.addFlashAttribute("flash", done);
                return "redirect:/approvals/" + id;
            } catch (DomainException e) {
                if (e.field() != null) {
                    errors.rejectValue(e.field(), e.messageKey(), e.args(), null);
                } else {
                    response.setStatus(e.kind().status());
                    model.addAttribute("actionError", e.messageKey());
                    model.addAttribute("actionErrorArgs", e.args());
                }
            }
        }
        return detail(approvals.find(id).orElseThrow(DomainException::notFound), model);
    }

    private String detail(ApprovalView approval, Model model) {
        StaffAccount me = me();
        model.addAttribute("approval", approval);
        model.addAttribute("notes", notes.orderedStream().flatMap(n -> n.notes(approval).stream()).toList());
        model.addAttribute("awaitsMe", approval.awaits(me.id()));
        model.addAttribute("mayWithdraw", approval.open() && approval.requester().id() == me.id());
        for (String form : new String[] {"approveForm", "rejectForm", "withdrawForm"}) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, DecisionForm.empty());
            }
        }
        return "approval";
    }

    private ApprovalView visible(long id) {
        StaffAccount me = me();
        if (!inbox.visible(id, me.id(), me.roles())) {
            throw DomainException.notFound();
        }
        return approvals.find(id).orElseThrow(DomainException::notFound);
    }

    private StaffAccount me() {
        return current.account().orElseThrow(DomainException::notFound);
    }

    @Bean
    static NavItem approvalsNavItem() {
        return new NavItem(NavGroup.HOME, "approval.nav", "/approvals", "inbox", null, 10);
    }
}
