package io.zhidu.crm.contract;

import io.zhidu.crm.shared.audit.Audited;

/** An act on the catalogue for the audit log: PRODUCT_CREATED, PRODUCT_PRICED. */
public record ProductChanged(String actor, String action, long productId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "PRODUCT";
    }

    @Override
    public String subjectId() {
        return Long.toString(productId);
    }
}
