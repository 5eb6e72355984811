package io.zhidu.crm.contract;

import io.zhidu.crm.shared.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A sales contract (合同). Its lines and payment terms are fixed when it is drafted; from then on
 * only its status moves, each move a business method that refuses an illegal one (CONFLICT):
 * DRAFT → IN_REVIEW (submitted to 合同评审) → APPROVED → SIGNED → COMPLETED; a review rejected or
 * withdrawn returns it to DRAFT; TERMINATED from DRAFT, APPROVED or SIGNED. Placement (owner,
 * office, department, company) is the customer's when drafted, refreshed at signing.
 *
 * <p>A catalogue line carries the list price of the signing date (issue #5): drafted with the
 * prices of the contract date ({@code priceDate} = contract date), it takes the prices in force on
 * the signing date when signed ({@code priceDate} = signing date), and its premium follows; the
 * contract price and amount do not change. A non-catalogue line keeps its stated list price.
 */
@Entity
class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private long customerId;
    private Long ownerId;
    private Long officeId;
    private long departmentId;
    private long companyId;
    @Enumerated(EnumType.STRING)
    private ContractStatus status;
    private LocalDate contractDate;
    private BigDecimal amount;
    private BigDecimal listAmount;
    private LocalDate priceDate;
    private LocalDate approvedOn;
    private LocalDate signedOn;
    private LocalDate shippedOn;
    private LocalDate closedOn;
    private long createdBy;
    private Instant createdAt;
    private boolean imported;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contract_line", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "line_no")
    private List<ContractLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contract_term", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "term_no")
    private List<ContractTerm> terms = new ArrayList<>();

    protected Contract() {
    }

    /** A draft with its lines and terms; the installments are split from the lines' total. */
    static Contract draft(String number, long customerId, ContractPlacement placement, LocalDate contractDate,
                          List<ContractLine> lines, List<PaymentTerms.Term> terms, long createdBy, Instant now) {
        if (lines.isEmpty()) {
            throw DomainException.invalid("lines", "contract.error.noLines");
        }
        Contract c = new Contract();
        c.number = number;
        c.customerId = customerId;
        c.place(placement);
        c.status = ContractStatus.DRAFT;
        c.contractDate = contractDate;
        c.priceDate = contractDate;
        c.lines.addAll(lines);
        c.amount = lines.stream().map(ContractLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        c.listAmount = lines.stream().map(ContractLine::getListAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (c.amount.signum() <= 0 || c.listAmount.signum() <= 0) {
            throw DomainException.invalid("lines", "contract.error.zeroAmount");
        }
        PaymentTerms.split(c.amount, terms).forEach(i -> c.terms.add(new ContractTerm(i)));
        c.createdBy = createdBy;
        c.createdAt = now;
        return c;
    }

    private void place(ContractPlacement p) {
        this.ownerId = p.ownerId();
        this.officeId = p.officeId();
        this.departmentId = p.departmentId();
        this.companyId = p.companyId();
    }

    void submit() {
        require(ContractStatus.DRAFT, "contract.error.notDraft");
        status = ContractStatus.IN_REVIEW;
    }

    void approve(LocalDate on) {
        require(ContractStatus.IN_REVIEW, "contract.error.notInReview");
        status = ContractStatus.APPROVED;
        approvedOn = on;
    }

    void returnToDraft() {
        require(ContractStatus.IN_REVIEW, "contract.error.notInReview");
        status = ContractStatus.DRAFT;
    }

    /** The catalogue's list price of a product on a date; refuses (INVALID) when none is in force. */
    @FunctionalInterface
    interface ListPrices {
        BigDecimal of(ContractLine line, LocalDate on);
    }

    /**
     * Signed on a date between the approval and today; the placement is the customer's now, the
     * catalogue lines take the list prices of the signing date.
     */
    void sign(LocalDate on, LocalDate today, ContractPlacement placement, ListPrices prices) {
        require(ContractStatus.APPROVED, "contract.error.notApproved");
        if (on == null) {
            throw DomainException.invalid("signedOn", "contract.error.dateRequired");
        }
        if (on.isAfter(today)) {
            throw DomainException.invalid("signedOn", "contract.error.future");
        }
        if (approvedOn != null && on.isBefore(approvedOn)) {
            throw DomainException.invalid("signedOn", "contract.error.beforeApproval", approvedOn.toString());
        }
        reprice(on, prices);
        status = ContractStatus.SIGNED;
        signedOn = on;
        place(placement);
    }

    /** The catalogue lines at the list prices of {@code on}; the list amount (and so the premium) follows. */
    private void reprice(LocalDate on, ListPrices prices) {
        List<ContractLine> repriced = lines.stream()
                .map(l -> l.isCatalogue() ? l.pricedAt(prices.of(l, on)) : l).toList();
        lines.clear();
        lines.addAll(repriced);
        listAmount = repriced.stream().map(ContractLine::getListAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        priceDate = on;
    }

    /** A contract signed before the system existed, entered with its signing date (data migration). */
    void signImported(LocalDate on, LocalDate today, ListPrices prices) {
        require(ContractStatus.DRAFT, "contract.error.notDraft");
        if (on == null || on.isAfter(today)) {
            throw DomainException.invalid("signedOn", "contract.error.future");
        }
        reprice(on, prices);
        imported = true;
        approvedOn = on;
        signedOn = on;
        status = ContractStatus.SIGNED;
    }

    void ship(LocalDate on, LocalDate today) {
        require(ContractStatus.SIGNED, "contract.error.notSigned");
        if (shippedOn != null) {
            throw DomainException.conflict("contract.error.alreadyShipped", shippedOn.toString());
        }
        if (on == null) {
            throw DomainException.invalid("shippedOn", "contract.error.dateRequired");
        }
        if (on.isAfter(today)) {
            throw DomainException.invalid("shippedOn", "contract.error.future");
        }
        if (on.isBefore(signedOn)) {
            throw DomainException.invalid("shippedOn", "contract.error.beforeSigning", signedOn.toString());
        }
        shippedOn = on;
    }

    /**
     * A part of the goods left with a released shipping order: the first part dates the shipment.
     * The single shipment ({@link #ship}) is refused from then on.
     */
    void shipPart(LocalDate on) {
        require(ContractStatus.SIGNED, "contract.error.notSigned");
        if (shippedOn == null) {
            shippedOn = on;
        }
    }

    /** Fulfilled: signed, and shipped when any installment waits for the shipment. */
    void complete(LocalDate today) {
        require(ContractStatus.SIGNED, "contract.error.notSigned");
        if (shippedOn == null && installments().stream().anyMatch(i -> i.anchor() == PaymentAnchor.SHIPMENT)) {
            throw DomainException.conflict("contract.error.notShipped");
        }
        status = ContractStatus.COMPLETED;
        closedOn = today;
    }

    void terminate(LocalDate today) {
        if (status == ContractStatus.IN_REVIEW) {
            throw DomainException.conflict("contract.error.inReview");
        }
        if (status == ContractStatus.COMPLETED || status == ContractStatus.TERMINATED) {
            throw DomainException.conflict("contract.error.closed");
        }
        status = ContractStatus.TERMINATED;
        closedOn = today;
    }

    private void require(ContractStatus expected, String messageKey) {
        if (status != expected) {
            throw DomainException.conflict(messageKey).with("status", status.name());
        }
    }

    List<Installment> installments() {
        return IntStream.range(0, terms.size()).mapToObj(i -> terms.get(i).installment(i + 1)).toList();
    }

    List<Installment> installments(PaymentAnchor anchor) {
        return installments().stream().filter(i -> i.anchor() == anchor).toList();
    }

    ContractPlacement placement() {
        return new ContractPlacement(ownerId, officeId, departmentId, companyId);
    }

    Premium premium() {
        return Premium.of(listAmount, amount);
    }

    List<ContractLine> getLines() {
        return List.copyOf(lines);
    }

    Long getId() {
        return id;
    }

    String getNumber() {
        return number;
    }

    long getCustomerId() {
        return customerId;
    }

    Long getOwnerId() {
        return ownerId;
    }

    ContractStatus getStatus() {
        return status;
    }

    LocalDate getContractDate() {
        return contractDate;
    }

    BigDecimal getAmount() {
        return amount;
    }

    BigDecimal getListAmount() {
        return listAmount;
    }

    LocalDate getPriceDate() {
        return priceDate;
    }

    LocalDate getApprovedOn() {
        return approvedOn;
    }

    LocalDate getSignedOn() {
        return signedOn;
    }

    LocalDate getShippedOn() {
        return shippedOn;
    }

    LocalDate getClosedOn() {
        return closedOn;
    }

    boolean isImported() {
        return imported;
    }

    long getVersion() {
        return version;
    }
}
