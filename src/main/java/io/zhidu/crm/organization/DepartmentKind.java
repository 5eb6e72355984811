package io.zhidu.crm.organization;

/** What a department is for; the business department (业务部) holds the offices. */
public enum DepartmentKind {
    /** 总经理办公室 */
    EXECUTIVE,
    /** 业务部 */
    BUSINESS,
    /** 财务部 */
    FINANCE,
    /** 企划部 */
    PLANNING,
    /** 客户服务部 */
    CUSTOMER_SERVICE,
    /** 市场部 */
    MARKETING,
    /** 储运部 */
    WAREHOUSE,
    /** 信息技术部 */
    IT,
    OTHER;

    public String labelKey() {
        return "department.kind." + name();
    }
}
