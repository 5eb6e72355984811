package io.zhidu.crm.security;

import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.organization.PasswordRule;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.FormErrors;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own profile: their details, password change and API tokens. */
@ScreenController
@AnySignedInUser
class ProfileController {

    private final CurrentStaff current;
    private final Staff staff;
    private final ApiTokens tokens;
    private final PasswordRule rule;

    ProfileController(CurrentStaff current, Staff staff, ApiTokens tokens, PasswordRule rule) {
        this.current = current;
        this.staff = staff;
        this.tokens = tokens;
        this.rule = rule;
    }

    record PasswordForm(@Size(max = 128) String currentPassword, @Size(max = 128) String newPassword,
                        @Size(max = 128) String confirmPassword) {
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal ZhiduUser user, Model model) {
        model.addAttribute("account", current.account().orElseThrow(DomainException::notFound));
        model.addAttribute("tokens", tokens.of(user.id()));
        return "profile";
    }

    /**
     * Shows the new token in the response itself (no redirect): a secret must not pass through
     * the session, which lives in the database.
     */
    @PostMapping("/profile/tokens")
    String createToken(@AuthenticationPrincipal ZhiduUser user, @RequestParam(defaultValue = "") String name, Model model) {
        String label = name.isBlank() ? "API" : name.trim();
        if (label.length() > 100) {
            label = label.substring(0, 100);
        }
        model.addAttribute("newToken", tokens.issue(user.id(), user.getUsername(), label).token());
        return profile(user, model);
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal ZhiduUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (!tokens.revoke(user.id(), user.getUsername(), id)) {
            throw DomainException.notFound();
        }
        redirect.addFlashAttribute("flash", "profile.token.revoked");
        return "redirect:/profile";
    }

    @GetMapping("/profile/password")
    String passwordForm(@AuthenticationPrincipal ZhiduUser user, Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        model.addAttribute("rule", rule);
        model.addAttribute("forced", user.mustChangePassword());
        return "password";
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal ZhiduUser user, @ModelAttribute("form") PasswordForm form,
                          BindingResult errors, Model model, RedirectAttributes redirect) {
        if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "password.mismatch");
        } else {
            try {
                staff.changeOwnPassword(user.id(), form.currentPassword(), form.newPassword());
            } catch (DomainException e) {
                FormErrors.reject(errors, e);
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("rule", rule);
            model.addAttribute("forced", user.mustChangePassword());
            return "password";
        }
        redirect.addFlashAttribute("flash", "password.changed");
        return "redirect:/profile";
    }
}
