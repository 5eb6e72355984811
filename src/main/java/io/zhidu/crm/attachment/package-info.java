/**
 * Attachments (附件): files kept with a business record (a contract, a credit investigation …),
 * in the database, with their size, content type and SHA-256. A module whose records take
 * attachments implements {@link io.zhidu.crm.attachment.AttachmentSubject} and answers, from its
 * own scoped query, whether a user may read or change a record's files; this module checks the
 * files (size, type by extension and by content) and serves the list, upload, download and
 * removal on the screens (fragment {@code attachments :: panel}) and the API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package io.zhidu.crm.attachment;
