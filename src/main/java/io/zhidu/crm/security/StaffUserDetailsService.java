package io.zhidu.crm.security;

import io.zhidu.crm.organization.Staff;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads sign-in data from the organisation's staff accounts, with the current lock state. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final Staff staff;
    private final LoginAttempts attempts;

    StaffUserDetailsService(Staff staff, LoginAttempts attempts) {
        this.staff = staff;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return staff.byUsername(username == null ? "" : username.trim())
                .map(a -> new ZhiduUser(a, attempts.isLocked(a.username())))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
