package io.zhidu.crm.shared.web;

import io.zhidu.crm.shared.scope.DataScope;
import java.util.Map;

/**
 * A panel another module adds to a role workbench (the finance workbench 财务工作台, later others):
 * implement it as a bean in that module. The workbench named {@link #workbench()} shows the panels
 * whose {@link #permission()} the user holds, in {@link #order()}; each panel is the Thymeleaf
 * fragment {@link #fragment()} rendered with {@code panelModel} = {@link #model}. The model must be
 * bounded (a first page, counts capped) and read inside the given scope.
 */
public interface WorkbenchPanel {

    /** The workbench this panel belongs to, e.g. {@code "finance"}. */
    String workbench();

    /** Message key of the panel's heading. */
    String labelKey();

    /** The permission the panel needs. */
    String permission();

    int order();

    /** Fragment expression, e.g. {@code "collection-panels :: stages"}. */
    String fragment();

    /** What the fragment shows for this user. */
    Map<String, Object> model(DataScope scope);
}
