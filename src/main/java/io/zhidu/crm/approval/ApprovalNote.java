package io.zhidu.crm.approval;

import java.util.List;

/**
 * Something the approver of a request should know about its subject, from the module that owns
 * the subject (see {@link ApprovalNotes}): a message key with its arguments (already formatted),
 * rendered in the reader's language, and the policy clause it rests on (nullable).
 */
public record ApprovalNote(String messageKey, List<String> args, String clause) {

    public ApprovalNote {
        args = List.copyOf(args);
    }

    /** The arguments as message arguments ({@code #messages.msgWithParams(messageKey, arguments)}). */
    public Object[] arguments() {
        return args.toArray();
    }
}
