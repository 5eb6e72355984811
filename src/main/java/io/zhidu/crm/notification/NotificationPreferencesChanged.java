package io.zhidu.crm.notification;

import io.zhidu.crm.shared.audit.Audited;

/** A user changed their notification channels (NOTIFICATION_PREFERENCES_CHANGED), for the audit log. */
public record NotificationPreferencesChanged(String actor, long staffId, String detail) implements Audited {

    @Override
    public String action() {
        return "NOTIFICATION_PREFERENCES_CHANGED";
    }

    @Override
    public String subjectType() {
        return "USER";
    }

    @Override
    public String subjectId() {
        return Long.toString(staffId);
    }
}
