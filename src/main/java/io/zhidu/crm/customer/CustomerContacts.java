package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.DecisionRole;
import io.zhidu.crm.organization.ReportingLine;
import io.zhidu.crm.shared.audit.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's contacts. Sensitive details (phones, birthday, personal notes) are shown in full
 * only to the owning line — the owner and everyone above the owner in the reporting line; others
 * in scope see them masked, in pages, API and exports alike (SPEC R1, O-15).
 */
@Service
public class CustomerContacts {

    /** A contact as one user may see it. {@code masked} tells the sensitive fields were hidden. */
    public record View(long id, String name, String title, String mobile, String phone, String email, String birthday,
                       DecisionRole decisionRole, String personalNotes, boolean masked) {
    }

    private final Contacts contacts;
    private final ReportingLine line;
    private final CustomerHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerContacts(Contacts contacts, ReportingLine line, CustomerHistory history, ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.line = line;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** Is the user the owner or above the owner in the reporting line? */
    public boolean inOwningLine(long userId, Long ownerId) {
        if (ownerId == null) {
            return false;
        }
        return userId == ownerId || line.chainUp(ownerId).stream().anyMatch(l -> l.id() == userId);
    }

    /** The owners whose customers' contacts the user sees unmasked: the user and everyone below. */
    Set<Long> ownersInLineOf(long userId) {
        Set<Long> owners = new HashSet<>();
        owners.add(userId);
        line.subordinates(userId).forEach(l -> owners.add(l.id()));
        return owners;
    }

    /** The contacts of several customers, grouped by customer in the given order, in one query. */
    Map<Long, List<Contact>> ofCustomers(Collection<Long> customerIds) {
        Map<Long, List<Contact>> byCustomer = new HashMap<>();
        contacts.findByCustomerIdInOrderByCustomerIdAscIdAsc(customerIds)
                .forEach(c -> byCustomer.computeIfAbsent(c.getCustomerId(), k -> new ArrayList<>()).add(c));
        return byCustomer;
    }

    public List<View> of(long customerId, boolean unmasked) {
        return contacts.findByCustomerIdOrderById(customerId).stream().map(c -> view(c, unmasked)).toList();
    }

    @Transactional
    public View add(long customerId, ContactForm form, boolean unmasked) {
        Contact c = contacts.saveAndFlush(Contact.of(customerId, form, clock.instant()));
        history.record(customerId, clock.instant(), CurrentActor.username(), CustomerHistory.Kind.CONTACT_ADDED, "contact",
                null, c.getName());
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CONTACT_ADDED", customerId, c.getName()));
        return view(c, unmasked);
    }

    /**
     * Changes a contact of this customer. A masked reader cannot change the sensitive fields: what
     * they send for those is ignored, so a masked value can never overwrite the real one.
     */
    @Transactional
    public View update(long customerId, long contactId, ContactForm form, boolean unmasked) {
        Contact c = contacts.findById(contactId).filter(x -> x.getCustomerId() == customerId)
                .orElseThrow(io.zhidu.crm.shared.DomainException::notFound);
        ContactForm applied = unmasked ? form : new ContactForm(form.name(), form.title(), c.getMobile(), c.getPhone(),
                form.email(), c.getBirthday(), form.decisionRole(), c.getPersonalNotes());
        String before = c.getName();
        c.describe(applied);
        contacts.saveAndFlush(c);
        history.record(customerId, clock.instant(), CurrentActor.username(), CustomerHistory.Kind.CONTACT_UPDATED, "contact",
                before, c.getName());
        return view(c, unmasked);
    }

    @Transactional
    public void remove(long customerId, long contactId) {
        Contact c = contacts.findById(contactId).filter(x -> x.getCustomerId() == customerId)
                .orElseThrow(io.zhidu.crm.shared.DomainException::notFound);
        contacts.delete(c);
        history.record(customerId, clock.instant(), CurrentActor.username(), CustomerHistory.Kind.CONTACT_REMOVED, "contact",
                c.getName(), null);
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CONTACT_REMOVED", customerId, c.getName()));
    }

    /** One contact of this customer as the reader may see it, as an edit form. */
    public ContactForm form(long customerId, long contactId, boolean unmasked) {
        Contact c = contacts.findById(contactId).filter(x -> x.getCustomerId() == customerId)
                .orElseThrow(io.zhidu.crm.shared.DomainException::notFound);
        View v = view(c, unmasked);
        return new ContactForm(c.getName(), c.getTitle(), v.mobile(), v.phone(), c.getEmail(), unmasked ? c.getBirthday() : null,
                c.getDecisionRole(), v.personalNotes());
    }

    static View view(Contact c, boolean unmasked) {
        return new View(c.getId(), c.getName(), c.getTitle(),
                unmasked ? c.getMobile() : maskPhone(c.getMobile()), unmasked ? c.getPhone() : maskPhone(c.getPhone()),
                c.getEmail(), unmasked ? date(c.getBirthday()) : (c.getBirthday() == null ? null : "****-**-**"),
                c.getDecisionRole(), unmasked ? c.getPersonalNotes() : (c.getPersonalNotes() == null ? null : "******"),
                !unmasked);
    }

    /** 13812345678 → 138****5678; short numbers keep only their last two digits. */
    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() >= 7) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
