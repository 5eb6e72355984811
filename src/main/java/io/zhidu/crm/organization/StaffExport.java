package io.zhidu.crm.organization;

import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The staff list as .xlsx: the same filter, order and data scope as the screen, headers in the
 * user's language; every export is recorded in the audit log with its filter and row count.
 */
@Component
class StaffExport {

    private final StaffDirectory directory;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    StaffExport(StaffDirectory directory, MessageSource messages, ApplicationEventPublisher events) {
        this.directory = directory;
        this.messages = messages;
        this.events = events;
    }

    void write(DataScope scope, StaffDirectory.Filter filter, StaffDirectory.Sort sort, Locale locale, OutputStream out)
            throws IOException {
        List<String> headers = List.of("user.username", "user.fullName", "user.roles", "user.department", "user.office",
                "user.supervisor", "user.email", "user.phone", "user.status").stream()
                .map(k -> messages.getMessage(k, null, locale)).toList();
        try (XlsxExport xlsx = new XlsxExport(messages.getMessage("users.title", null, locale), headers)) {
            directory.forEach(scope, filter, sort, r -> xlsx.row(r.username(), r.fullName(),
                    r.roles().stream().map(role -> messages.getMessage(role.labelKey(), null, locale)).collect(Collectors.joining("、")),
                    r.departmentName(), r.officeName(), r.supervisorName(), r.email(), r.phone(),
                    messages.getMessage(r.active() ? "user.active" : "user.inactive", null, locale)));
            xlsx.writeTo(out);
            events.publishEvent(new OrganizationChanged(CurrentActor.username(), "EXPORT", "USER_LIST", null,
                    xlsx.rows() + " rows; filter " + filter + "; sort " + sort.param() + (sort.descending() ? " desc" : "")));
        }
    }
}
