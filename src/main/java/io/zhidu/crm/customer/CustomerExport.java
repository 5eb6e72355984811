package io.zhidu.crm.customer;

import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The filtered customer list as .xlsx, in the user's scope and language, streamed page by page;
 * every export is recorded in the audit log with its filter and row count. Contacts are not part
 * of the list export, so nothing sensitive leaves with it.
 */
@Component
class CustomerExport {

    static final List<String> HEADERS = List.of("customer.name", "customer.uscc", "customer.type", "customer.category",
            "customer.stage", "customer.grade", "customer.industry", "customer.region", "customer.phone", "customer.owner",
            "customer.office", "customer.tags");

    private final CustomerSearch search;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CustomerExport(CustomerSearch search, MessageSource messages, ApplicationEventPublisher events) {
        this.search = search;
        this.messages = messages;
        this.events = events;
    }

    void write(DataScope scope, CustomerSearch.Filter filter, Locale locale, OutputStream out) throws IOException {
        try (XlsxExport xlsx = new XlsxExport(messages.getMessage("customers.title", null, locale),
                HEADERS.stream().map(k -> messages.getMessage(k, null, locale)).toList())) {
            search.forEach(scope, filter, r -> xlsx.row(r.name(), r.uscc(), label(r.type().labelKey(), locale),
                    label(r.category().labelKey(), locale), label(r.stage().labelKey(), locale),
                    r.grade() == null ? null : r.grade().name(), r.industry(), r.region(), r.phone(), r.ownerName(),
                    r.officeName(), String.join(",", r.tags())));
            xlsx.writeTo(out);
            events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_EXPORTED", 0,
                    xlsx.rows() + " rows; filter " + filter));
        }
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
