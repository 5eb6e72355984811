package io.zhidu.crm.shared.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every screen the left navigation: the {@link NavItem}s the modules contribute, kept to
 * those the signed-in user's permissions allow, grouped by work area in {@link NavGroup} order.
 * Hiding a link is convenience only; each page and API call checks the permission itself.
 */
@ControllerAdvice(annotations = ScreenController.class)
class NavigationAdvice {

    private final List<NavItem> items;

    NavigationAdvice(List<NavItem> items) {
        this.items = items.stream().sorted(Comparator.comparing(NavItem::group).thenComparingInt(NavItem::order)).toList();
    }

    /** One work area with its visible entries. */
    public record Section(NavGroup group, List<NavItem> items) {
    }

    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("navigation")
    List<Section> navigation(jakarta.servlet.http.HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || BodyHandlers.answersBody(request)) {
            return List.of();
        }
        Set<String> granted = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Map<NavGroup, List<NavItem>> byGroup = new EnumMap<>(NavGroup.class);
        for (NavItem item : items) {
            if (item.permission() == null || granted.contains(item.permission())) {
                byGroup.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>()).add(item);
            }
        }
        return byGroup.entrySet().stream().map(e -> new Section(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
