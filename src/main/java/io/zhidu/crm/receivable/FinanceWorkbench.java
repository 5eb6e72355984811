package io.zhidu.crm.receivable;

import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import io.zhidu.crm.shared.web.WorkbenchPanel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The finance workbench (财务工作台, /finance): every {@link WorkbenchPanel} of the workbench
 * {@value #NAME} whose permission the user holds, in order. This module contributes the
 * unallocated payments and the write-offs awaiting approval; the collection module its cases by stage.
 */
@ScreenController
class FinanceWorkbench {

    static final String NAME = "finance";
    static final int PANEL_ROWS = 10;

    /** A panel as the page renders it. */
    record Shown(String labelKey, String fragment, Map<String, Object> model) {
    }

    private final List<WorkbenchPanel> panels;

    FinanceWorkbench(List<WorkbenchPanel> panels) {
        this.panels = panels.stream().filter(p -> NAME.equals(p.workbench()))
                .sorted(Comparator.comparingInt(WorkbenchPanel::order)).toList();
    }

    @GetMapping("/finance")
    @RequiresPermission("payment:record")
    String show(DataScope scope, Model model) {
        model.addAttribute("panels", panels.stream().filter(p -> p.permission() == null || Grants.can(p.permission()))
                .map(p -> new Shown(p.labelKey(), p.fragment(), p.model(scope))).toList());
        return "finance";
    }

    @Bean
    static NavItem financeNavItem() {
        return new NavItem(NavGroup.HOME, "receivable.nav.finance", "/finance", "calculator", "payment:record", 20);
    }

    /** Recorded payments with an unallocated amount (prepayments and those awaiting allocation by hand), the latest first. */
    @Bean
    static WorkbenchPanel unallocatedPaymentsPanel(Payments payments) {
        return panel("receivable.panel.unallocated", "payment:record", 10, "finance-panels :: unallocated",
                scope -> Map.of("page", payments.page(scope, new Payments.Filter(null, null, true), null, PANEL_ROWS)));
    }

    /** Receivables whose write-off awaits its approval, the latest proposed first. */
    @Bean
    static WorkbenchPanel writeOffsAwaitingPanel(Receivables receivables) {
        return panel("receivable.panel.writeOffs", "receivable:read", 30, "finance-panels :: writeOffs",
                scope -> {
                    List<Receivables.Row> rows = receivables.awaitingWriteOff(scope, PANEL_ROWS + 1);
                    return Map.of("rows", rows.subList(0, Math.min(rows.size(), PANEL_ROWS)), "more", rows.size() > PANEL_ROWS);
                });
    }

    private static WorkbenchPanel panel(String labelKey, String permission, int order, String fragment,
                                        java.util.function.Function<DataScope, Map<String, Object>> model) {
        return new WorkbenchPanel() {
            @Override
            public String workbench() {
                return NAME;
            }

            @Override
            public String labelKey() {
                return labelKey;
            }

            @Override
            public String permission() {
                return permission;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String fragment() {
                return fragment;
            }

            @Override
            public Map<String, Object> model(DataScope scope) {
                return model.apply(scope);
            }
        };
    }
}
