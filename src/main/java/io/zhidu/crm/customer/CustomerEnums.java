package io.zhidu.crm.customer;

/** The closed vocabularies of the archive; each label key is {@code customer.<enum>.<CONSTANT>}. */
public final class CustomerEnums {

    private CustomerEnums() {
    }

    /** O-4: 合作伙伴, 供应商, 代理商, 最终用户. */
    public enum CustomerType {
        PARTNER, SUPPLIER, AGENT, END_USER;

        public String labelKey() {
            return "customer.type." + name();
        }
    }

    /** 6.1.1-3: 大客户 or 普通客户. */
    public enum Category {
        KEY_ACCOUNT, REGULAR;

        public String labelKey() {
            return "customer.category." + name();
        }
    }

    /** Where the relationship stands: 潜在, 开发中, 合作中, 休眠, 流失 (O-20, R9). */
    public enum Stage {
        PROSPECT, DEVELOPING, ACTIVE, DORMANT, LOST;

        public String labelKey() {
            return "customer.stage." + name();
        }
    }

    /** The effective grade of the grading rules (6.1.1-3(5)); set by grading, shown and filtered here. */
    public enum Grade {
        A, B, C, D
    }

    /** Company size. */
    public enum Scale {
        MICRO, SMALL, MEDIUM, LARGE;

        public String labelKey() {
            return "customer.scale." + name();
        }
    }

    /** A contact's part in the customer's decisions. */
    public enum DecisionRole {
        DECISION_MAKER, INFLUENCER, USER, PURCHASER, FINANCE, OTHER;

        public String labelKey() {
            return "contact.role." + name();
        }
    }
}
