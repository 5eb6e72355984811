package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.DecisionRole;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A person at a customer. Phones, birthday and personal notes are sensitive (masked outside the owning line). */
@Entity
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long customerId;
    private String name;
    private String title;
    private String mobile;
    private String phone;
    private String email;
    private LocalDate birthday;
    @Enumerated(EnumType.STRING)
    private DecisionRole decisionRole;
    private String personalNotes;
    private Instant createdAt;
    @Version
    private long version;

    protected Contact() {
    }

    static Contact of(long customerId, ContactForm f, Instant now) {
        Contact c = new Contact();
        c.customerId = customerId;
        c.createdAt = now;
        c.describe(f);
        return c;
    }

    void describe(ContactForm f) {
        name = f.name().trim();
        title = blank(f.title());
        mobile = blank(f.mobile());
        phone = blank(f.phone());
        email = blank(f.email());
        birthday = f.birthday();
        decisionRole = f.decisionRole();
        personalNotes = blank(f.personalNotes());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    public String getMobile() {
        return mobile;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public DecisionRole getDecisionRole() {
        return decisionRole;
    }

    public String getPersonalNotes() {
        return personalNotes;
    }

    public long getVersion() {
        return version;
    }
}
