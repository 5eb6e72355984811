package io.zhidu.crm.credit;

/**
 * Where a piece of credit information came from (6.2.4-2(3): offices, finance and other
 * departments pass it on; 6.2.4-3(3): the customer's own papers, its web site, direct contact,
 * bank reports, a lawyer's findings).
 */
public enum SlipSource {
    OFFICE, FINANCE, CUSTOMER, WEBSITE, BANK, LAWYER, OTHER;

    public String labelKey() {
        return "creditfile.source." + name();
    }
}
