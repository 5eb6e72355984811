package io.zhidu.crm.shared.web;

/** Work areas of the left navigation, in display order (客户, 销售与回款, 信用, 服务, 报告, 分析, 系统). */
public enum NavGroup {
    HOME, CUSTOMERS, SALES, CREDIT, SERVICE, REPORTS, ANALYTICS, SYSTEM;

    public String labelKey() {
        return "nav.group." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
