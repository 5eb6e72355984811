package io.zhidu.crm.security;

import io.zhidu.crm.shared.web.AnySignedInUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. Any failure shows one generic message that tells nothing of which part was wrong. */
@ScreenController
@AnySignedInUser
class LoginController {

    @GetMapping("/login")
    String login() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        return "login";
    }
}
