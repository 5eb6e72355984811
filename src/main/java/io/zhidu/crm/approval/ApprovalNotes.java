package io.zhidu.crm.approval;

import java.util.List;

/**
 * What a module wants the approver to see on a request's page beside its title: why the request
 * came to this approver, e.g. the flags that raised a contract review to the GM. Implemented by the
 * module that submitted the request, without the approval module depending on it.
 *
 * <p>Contract: called for a request the reader may see; answers an empty list for any subject type
 * that is not the implementer's; reads only.
 */
public interface ApprovalNotes {

    List<ApprovalNote> notes(ApprovalView approval);
}
