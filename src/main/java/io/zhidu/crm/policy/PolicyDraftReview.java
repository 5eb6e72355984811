package io.zhidu.crm.policy;

/**
 * A page another module offers about a policy version not yet in force (a draft or one in
 * approval), linked from the version's page so whoever edits or approves it sees what it would do —
 * e.g. the grading module's what-if run of the draft's grading rules. The policy module knows
 * nothing of those modules: they declare beans of this type.
 */
public interface PolicyDraftReview {

    /**
     * @param labelKey   message key of the link's text, in the offering module's bundle (both languages)
     * @param href       the application path of the page about the version
     * @param permission the permission needed to open it (the link is hidden from others)
     */
    record Link(String labelKey, String href, String permission) {
    }

    /** The link for the version with this id. */
    Link link(long versionId);
}
