package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.CustomerType;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Scale;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.shared.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer's archive record. Owner, office, department and company always move together
 * ({@link #assignTo}), since the data scope of every module reads them. Deleting puts the record
 * in the recycle bin; it comes back whole with {@link #restore()}.
 */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String nameKey;
    private String uscc;
    private String noUsccReason;
    @Enumerated(EnumType.STRING)
    private CustomerType customerType;
    @Enumerated(EnumType.STRING)
    private Category category;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Enumerated(EnumType.STRING)
    private Grade grade;
    private String industry;
    private String region;
    private String address;
    private String phone;
    private String legalRepresentative;
    private LocalDate foundedOn;
    private String legalForm;
    private BigDecimal registeredCapital;
    @Enumerated(EnumType.STRING)
    private Scale scale;
    private String serviceArea;
    private String salesCapacity;
    private String potential;
    private String direction;
    private String reputation;
    private String competitors;
    private String attitude;
    private String businessStatus;
    private String transactionStatus;
    private Long ownerId;
    private Long officeId;
    private Long departmentId;
    private Long companyId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    protected Customer() {
    }

    /** Where a customer belongs: its owner (null in the public pool) and the owner's units. */
    public record Placement(Long ownerId, Long officeId, long departmentId, long companyId) {
    }

    /**
     * The record as one row of {@code SELECT c.*, … AS tags FROM customer c} holds it (tags joined
     * by commas), read without the persistence context: the API's detail reads it with the scope
     * check and the names in one statement (issue #8). Not managed: never saved. Every mapped field
     * is read; CustomerIT compares it with the entity as loaded, field by field.
     */
    static Customer read(java.sql.ResultSet rs) throws java.sql.SQLException {
        Customer c = new Customer();
        c.id = rs.getLong("id");
        c.name = rs.getString("name");
        c.nameKey = rs.getString("name_key");
        c.uscc = rs.getString("uscc");
        c.noUsccReason = rs.getString("no_uscc_reason");
        c.customerType = constant(CustomerType.class, rs.getString("customer_type"));
        c.category = constant(Category.class, rs.getString("category"));
        c.stage = constant(Stage.class, rs.getString("stage"));
        c.grade = constant(Grade.class, rs.getString("grade"));
        c.industry = rs.getString("industry");
        c.region = rs.getString("region");
        c.address = rs.getString("address");
        c.phone = rs.getString("phone");
        c.legalRepresentative = rs.getString("legal_representative");
        c.foundedOn = rs.getObject("founded_on", LocalDate.class);
        c.legalForm = rs.getString("legal_form");
        c.registeredCapital = rs.getBigDecimal("registered_capital");
        c.scale = constant(Scale.class, rs.getString("scale"));
        c.serviceArea = rs.getString("service_area");
        c.salesCapacity = rs.getString("sales_capacity");
        c.potential = rs.getString("potential");
        c.direction = rs.getString("direction");
        c.reputation = rs.getString("reputation");
        c.competitors = rs.getString("competitors");
        c.attitude = rs.getString("attitude");
        c.businessStatus = rs.getString("business_status");
        c.transactionStatus = rs.getString("transaction_status");
        c.ownerId = rs.getObject("owner_id", Long.class);
        c.officeId = rs.getObject("office_id", Long.class);
        c.departmentId = rs.getObject("department_id", Long.class);
        c.companyId = rs.getObject("company_id", Long.class);
        c.createdAt = instant(rs.getObject("created_at", java.time.OffsetDateTime.class));
        c.updatedAt = instant(rs.getObject("updated_at", java.time.OffsetDateTime.class));
        c.deletedAt = instant(rs.getObject("deleted_at", java.time.OffsetDateTime.class));
        c.version = rs.getLong("version");
        String tags = rs.getString("tags");
        if (tags != null) {
            c.tags.addAll(List.of(tags.split(",")));
        }
        return c;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value.trim());
    }

    private static Instant instant(java.time.OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static Customer register(CustomerForm form, String uscc, Placement placement, Instant now) {
        Customer c = new Customer();
        c.createdAt = now;
        c.describe(form, uscc, now);
        c.assignTo(placement, now);
        return c;
    }

    /** Takes over everything the form holds; the USCC comes validated and normalised. */
    void describe(CustomerForm f, String validUscc, Instant now) {
        name = f.name().trim();
        nameKey = CustomerNames.key(name);
        if (nameKey.isEmpty()) {
            throw DomainException.invalid("name", "customer.name.empty");
        }
        uscc = validUscc;
        noUsccReason = validUscc == null ? trim(f.noUsccReason()) : null;
        customerType = f.type();
        category = f.category();
        stage = f.stage();
        industry = trim(f.industry());
        region = trim(f.region());
        address = trim(f.address());
        phone = trim(f.phone());
        legalRepresentative = trim(f.legalRepresentative());
        foundedOn = f.foundedOn();
        legalForm = trim(f.legalForm());
        registeredCapital = f.registeredCapital();
        scale = f.scale();
        serviceArea = trim(f.serviceArea());
        salesCapacity = trim(f.salesCapacity());
        potential = trim(f.potential());
        direction = trim(f.direction());
        reputation = trim(f.reputation());
        competitors = trim(f.competitors());
        attitude = trim(f.attitude());
        businessStatus = trim(f.businessStatus());
        transactionStatus = trim(f.transactionStatus());
        Set<String> newTags = new TreeSet<>();
        if (f.tags() != null) {
            f.tags().stream().map(String::trim).filter(t -> !t.isEmpty()).forEach(newTags::add);
        }
        if (!newTags.equals(tags)) {
            tags.clear();
            tags.addAll(newTags);
        }
        updatedAt = now;
    }

    /** Hands the customer to an owner; office, department and company follow the owner. */
    void assignTo(Placement placement, Instant now) {
        ownerId = placement.ownerId();
        officeId = placement.officeId();
        departmentId = placement.departmentId();
        companyId = placement.companyId();
        updatedAt = now;
    }

    /** Into the recycle bin. */
    void delete(Instant now) {
        if (deletedAt != null) {
            throw DomainException.conflict("customer.alreadyDeleted");
        }
        deletedAt = now;
    }

    void restore() {
        if (deletedAt == null) {
            throw DomainException.conflict("customer.notDeleted");
        }
        deletedAt = null;
    }

    /**
     * Every field a person edits, as text, in a stable order: the history compares two of these,
     * and the archive as of a past date is this with later changes undone.
     */
    public Map<String, String> snapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("uscc", uscc);
        m.put("noUsccReason", noUsccReason);
        m.put("type", text(customerType));
        m.put("category", text(category));
        m.put("stage", text(stage));
        m.put("industry", industry);
        m.put("region", region);
        m.put("address", address);
        m.put("phone", phone);
        m.put("legalRepresentative", legalRepresentative);
        m.put("foundedOn", text(foundedOn));
        m.put("legalForm", legalForm);
        m.put("registeredCapital", registeredCapital == null ? null : registeredCapital.stripTrailingZeros().toPlainString());
        m.put("scale", text(scale));
        m.put("serviceArea", serviceArea);
        m.put("salesCapacity", salesCapacity);
        m.put("potential", potential);
        m.put("direction", direction);
        m.put("reputation", reputation);
        m.put("competitors", competitors);
        m.put("attitude", attitude);
        m.put("businessStatus", businessStatus);
        m.put("transactionStatus", transactionStatus);
        m.put("tags", tags.isEmpty() ? null : String.join(",", tags));
        m.put("ownerId", text(ownerId));
        m.put("officeId", text(officeId));
        return m;
    }

    /** The record as its edit form shows it. */
    public CustomerForm toForm() {
        return new CustomerForm(name, uscc, noUsccReason, customerType, category, stage, industry, region, address, phone,
                legalRepresentative, foundedOn, legalForm, registeredCapital, scale, serviceArea, salesCapacity, potential,
                direction, reputation, competitors, attitude, businessStatus, transactionStatus, ownerId, List.copyOf(tags));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUscc() {
        return uscc;
    }

    public String getNameKey() {
        return nameKey;
    }

    public java.math.BigDecimal getRegisteredCapital() {
        return registeredCapital;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getOfficeId() {
        return officeId;
    }

    public Stage getStage() {
        return stage;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public long getVersion() {
        return version;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Customer c && id != null && Objects.equals(id, c.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
