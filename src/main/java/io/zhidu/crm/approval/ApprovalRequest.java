package io.zhidu.crm.approval;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a module asks to have approved.
 *
 * @param subjectType UPPER_SNAKE code of the kind of subject, e.g. {@code POLICY_VERSION}; the
 *                    requesting module's listener of {@link ApprovalDecided} filters on it
 * @param subjectId   the subject's id in the requesting module
 * @param titleKey    message key of the request's one-line title, in the requesting module's
 *                    bundle (both languages), e.g. {@code policy.approval.title}
 * @param titleArgs   the title's arguments, already formatted (names, versions, dates YYYY-MM-DD)
 * @param link        the subject's page, an application path such as {@code /policies/3}
 * @param route       who decides, step by step
 * @param requesterId the member of staff asking
 */
public record ApprovalRequest(String subjectType, long subjectId, String titleKey, List<String> titleArgs,
                              String link, Route route, long requesterId) {

    private static final Pattern SUBJECT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    public ApprovalRequest {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(titleKey, "titleKey");
        Objects.requireNonNull(route, "route");
        if (!SUBJECT_TYPE.matcher(subjectType).matches()) {
            throw new IllegalArgumentException("subjectType must be an UPPER_SNAKE code: " + subjectType);
        }
        if (titleKey.isBlank() || titleKey.length() > 200) {
            throw new IllegalArgumentException("titleKey must be a message key");
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 500)) {
            throw new IllegalArgumentException("link must be an application path: " + link);
        }
        titleArgs = titleArgs == null ? List.of() : titleArgs.stream().map(a -> a == null ? "" : a).toList();
    }
}
