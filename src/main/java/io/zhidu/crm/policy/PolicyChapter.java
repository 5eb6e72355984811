package io.zhidu.crm.policy;

/** The chapters of the policy document, in reading order, each named for its seed source. */
public enum PolicyChapter {
    /** 6.1 客户分类管理制度: grading, reports, benefits. */
    CLASSIFICATION,
    /** O-21 客户申报与保护期 (大客户管理制度). */
    DECLARATION,
    /** 6.2 信用管理办法: credit, receivables, collections. */
    CREDIT,
    /** 6.3 客户服务管理制度: complaints, surveys. */
    SERVICE,
    /** 6.1.2-3 how the policy itself is revised. */
    GOVERNANCE;

    public String labelKey() {
        return "policy.chapter." + name();
    }
}
