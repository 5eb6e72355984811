package io.zhidu.crm.contract;

import io.zhidu.crm.attachment.AttachmentSubject;
import io.zhidu.crm.shared.scope.DataScope;
import org.springframework.stereotype.Component;

/**
 * Contracts take attachments (the signed scan, drawings, the customer's order): read with
 * {@code contract:read}, uploaded and removed with {@code contract:edit}, both only for a
 * contract inside the user's scope (the contract list's own scoped query).
 */
@Component
class ContractAttachments implements AttachmentSubject {

    private final ContractQueries queries;

    ContractAttachments(ContractQueries queries) {
        this.queries = queries;
    }

    @Override
    public String subjectType() {
        return Contracts.SUBJECT;
    }

    @Override
    public String path() {
        return "contracts";
    }

    @Override
    public String readPermission() {
        return "contract:read";
    }

    @Override
    public String writePermission() {
        return "contract:edit";
    }

    @Override
    public boolean canRead(DataScope scope, long contractId) {
        return queries.find(scope, contractId).isPresent();
    }

    @Override
    public boolean canWrite(DataScope scope, long contractId) {
        return canRead(scope, contractId);
    }

    @Override
    public String pageUrl(long contractId) {
        return "/contracts/" + contractId;
    }
}
