package io.zhidu.crm.customer;

import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The filtered customer list as .xlsx, in the user's scope and language, streamed page by page;
 * every export is recorded in the audit log with its filter and row count. A second sheet lists
 * the contacts of the exported customers, masked exactly as on the customer page: phones,
 * birthday and personal notes show only for customers of the user's own line (SPEC R1, O-15).
 */
@Component
class CustomerExport {

    static final List<String> HEADERS = List.of("customer.name", "customer.uscc", "customer.type", "customer.category",
            "customer.stage", "customer.grade", "customer.industry", "customer.region", "customer.phone", "customer.owner",
            "customer.office", "customer.tags");

    static final List<String> CONTACT_HEADERS = List.of("customer.name", "contact.name", "contact.title", "contact.mobile",
            "contact.phone", "contact.email", "contact.birthday", "contact.decisionRole", "contact.personalNotes");

    /** Customers whose contacts are fetched together, so contacts cost one query per batch. */
    private static final int CONTACT_BATCH = 500;

    private final CustomerSearch search;
    private final CustomerContacts contacts;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CustomerExport(CustomerSearch search, CustomerContacts contacts, MessageSource messages, ApplicationEventPublisher events) {
        this.search = search;
        this.contacts = contacts;
        this.messages = messages;
        this.events = events;
    }

    void write(DataScope scope, CustomerSearch.Filter filter, Locale locale, OutputStream out) throws IOException {
        try (XlsxExport xlsx = new XlsxExport(messages.getMessage("customers.title", null, locale), labels(HEADERS, locale))) {
            Sheet contactSheet = xlsx.sheet(messages.getMessage("customers.export.contacts", null, locale),
                    labels(CONTACT_HEADERS, locale));
            Set<Long> unmaskedOwners = contacts.ownersInLineOf(scope.userId());
            List<CustomerSearch.Row> batch = new ArrayList<>();
            search.forEach(scope, filter, r -> {
                xlsx.row(r.name(), r.uscc(), label(r.type().labelKey(), locale),
                        label(r.category().labelKey(), locale), label(r.stage().labelKey(), locale),
                        r.grade() == null ? null : r.grade().name(), r.industry(), r.region(), r.phone(), r.ownerName(),
                        r.officeName(), String.join(",", r.tags()));
                batch.add(r);
                if (batch.size() == CONTACT_BATCH) {
                    writeContacts(xlsx, contactSheet, batch, unmaskedOwners, locale);
                }
            });
            writeContacts(xlsx, contactSheet, batch, unmaskedOwners, locale);
            xlsx.writeTo(out);
            events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_EXPORTED", 0,
                    xlsx.rows() + " rows; filter " + filter));
        }
    }

    private void writeContacts(XlsxExport xlsx, Sheet sheet, List<CustomerSearch.Row> batch, Set<Long> unmaskedOwners,
                               Locale locale) {
        Map<Long, List<Contact>> byCustomer = contacts.ofCustomers(batch.stream().map(CustomerSearch.Row::id).toList());
        for (CustomerSearch.Row r : batch) {
            boolean unmasked = r.ownerId() != null && unmaskedOwners.contains(r.ownerId());
            for (Contact c : byCustomer.getOrDefault(r.id(), List.of())) {
                CustomerContacts.View v = CustomerContacts.view(c, unmasked);
                xlsx.row(sheet, r.name(), v.name(), v.title(), v.mobile(), v.phone(), v.email(), v.birthday(),
                        v.decisionRole() == null ? null : label(v.decisionRole().labelKey(), locale), v.personalNotes());
            }
        }
        batch.clear();
    }

    private List<String> labels(List<String> keys, Locale locale) {
        return keys.stream().map(k -> messages.getMessage(k, null, locale)).toList();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
