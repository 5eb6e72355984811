package io.zhidu.crm.attachment;

import io.zhidu.crm.shared.scope.DataScope;

/**
 * A kind of record that takes attachments, implemented by the module that owns it (a Spring bean).
 * Its answers come from the owner's own scoped query, so that a record outside the user's data
 * scope is absent here as everywhere else (404).
 */
public interface AttachmentSubject {

    /** The stored subject type, e.g. {@code CONTRACT} (at most 40 characters). */
    String subjectType();

    /** The path segment of the record's URLs, e.g. {@code contracts} for {@code /api/v1/contracts/{id}/attachments}. */
    String path();

    /** The permission needed to list and download a record's files, e.g. {@code contract:read}. */
    String readPermission();

    /** The permission needed to upload and remove a record's files, e.g. {@code contract:edit}. */
    String writePermission();

    /** Whether the record exists inside the scope (its files may then be read). */
    boolean canRead(DataScope scope, long subjectId);

    /** Whether the record exists inside the scope and takes changes to its files now. */
    boolean canWrite(DataScope scope, long subjectId);

    /** The record's page, where the attachment forms return to. */
    String pageUrl(long subjectId);
}
