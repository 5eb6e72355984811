package io.zhidu.crm.organization;

/** The roles of SPEC "Users, organisation, data scope"; one user may hold several. */
public enum Role {
    /** 总经理 */
    GM,
    /** 主管副总经理 */
    VP,
    /** 业务部经理 (also 客户总监 / 客户部经理) */
    BUSINESS_MANAGER,
    /** 业务统计: keeps the customer and credit files */
    STATISTICIAN,
    /** 办事处主任 */
    OFFICE_DIRECTOR,
    /** 业务员 / 客户代表 / 客户经理 */
    SALES,
    /** 财务部 */
    FINANCE,
    /** 企划部: chases long-overdue debt */
    PLANNING,
    /** 客户服务部 */
    CUSTOMER_SERVICE,
    /** 市场部 */
    MARKETING,
    /** 库管员 / 发货人 */
    WAREHOUSE,
    /** 系统管理员 */
    ADMIN;

    public String labelKey() {
        return "role." + name();
    }
}
