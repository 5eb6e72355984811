package io.zhidu.crm.contract;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.ApprovalView;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.customer.Customer;
import io.zhidu.crm.customer.CustomerManagement;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts for the screens, the API and other modules: draft, submit to review (合同评审, routed by
 * amount under the policy in force), sign, ship, complete, terminate. Every act on an existing
 * contract first finds it inside the caller's data scope (404 otherwise); every write is audited.
 * Signing publishes {@link ContractSigned} and shipping {@link ContractShipped} in their
 * transactions.
 */
@Service
public class Contracts {

    static final String SUBJECT = "CONTRACT";
    static final int MAX_LINES = 50;

    /** A contract as entered: the customer, its lines and payment terms (API body of POST /api/v1/contracts). */
    public record Draft(Long customerId, List<Line> lines, List<Term> paymentTerms) {
    }

    /**
     * A line: a catalogue product by {@code productId}, or a named item ({@code product}) with its
     * {@code listPrice}; {@code unitPrice} is the contract price.
     */
    public record Line(Long productId, String product, BigDecimal quantity, String unit, BigDecimal listPrice,
                       BigDecimal unitPrice) {
    }

    /** An installment as entered: percent of the amount, anchor, days after it. */
    public record Term(BigDecimal percent, PaymentAnchor anchor, Integer days) {
    }

    private final ContractRecords records;
    private final ContractQueries queries;
    private final ContractNumbers numbers;
    private final Catalogue catalogue;
    private final CustomerSearch customers;
    private final CustomerManagement customerManagement;
    private final Policies policies;
    private final Approvals approvals;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final List<ContractReviewCheck> reviewChecks;
    private final ContractReviewFlags flagRecords;

    Contracts(ContractRecords records, ContractQueries queries, ContractNumbers numbers, Catalogue catalogue, CustomerSearch customers,
              CustomerManagement customerManagement, Policies policies, Approvals approvals, BusinessClock clock,
              ApplicationEventPublisher events, List<ContractReviewCheck> reviewChecks, ContractReviewFlags flagRecords) {
        this.flagRecords = flagRecords;
        this.records = records;
        this.queries = queries;
        this.numbers = numbers;
        this.catalogue = catalogue;
        this.customers = customers;
        this.customerManagement = customerManagement;
        this.policies = policies;
        this.approvals = approvals;
        this.clock = clock;
        this.events = events;
        this.reviewChecks = reviewChecks;
    }

    /** Drafts a contract for a customer in the scope (404 otherwise); returns it. */
    @Transactional
    public ContractView draft(DataScope scope, Draft draft) {
        Drafted d = drafted(scope, draft, clock.today());
        Contract c = d.contract();
        records.saveAndFlush(c);
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_DRAFTED", c.getId(),
                c.getNumber() + " " + d.customerName() + " " + c.getAmount().toPlainString()));
        return ContractView.of(c, d.customerName());
    }

    /**
     * Enters a contract signed before the system was used (data migration, demo data): dated and
     * signed on {@code signedOn} (not in the future), numbered in that year, its catalogue lines at
     * that day's list prices, marked imported. Publishes {@link ContractSigned}, so its
     * receivables are raised as for any signing.
     */
    @Transactional
    public ContractView importSigned(DataScope scope, Draft draft, LocalDate signedOn) {
        LocalDate today = clock.today();
        if (signedOn == null || signedOn.isAfter(today)) {
            throw DomainException.invalid("signedOn", signedOn == null ? "contract.error.dateRequired" : "contract.error.future");
        }
        Drafted d = drafted(scope, draft, signedOn);
        Contract c = d.contract();
        c.signImported(signedOn, today, catalogueListPrices());
        records.saveAndFlush(c);
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_IMPORTED", c.getId(),
                c.getNumber() + " " + d.customerName() + " " + c.getAmount().toPlainString() + " signed " + signedOn));
        events.publishEvent(new ContractSigned(c.getId(), c.getNumber(), c.getCustomerId(), c.placement(), c.getSignedOn(),
                c.getAmount(), c.installments()));
        return ContractView.of(c, d.customerName());
    }

    private record Drafted(Contract contract, String customerName) {
    }

    /** A new draft dated {@code on}, validated in full before a number is taken. */
    private Drafted drafted(DataScope scope, Draft draft, LocalDate on) {
        if (draft == null || draft.customerId() == null) {
            throw DomainException.invalid("customerId", "contract.error.customerRequired");
        }
        CustomerSearch.Row customer = customers.find(scope, draft.customerId(), false).orElseThrow(DomainException::notFound);
        List<ContractLine> lines = lines(draft.lines(), on);
        List<PaymentTerms.Term> terms = draft.paymentTerms() == null ? List.of()
                : draft.paymentTerms().stream().map(t -> t == null ? null : new PaymentTerms.Term(t.percent(), t.anchor(), t.days())).toList();
        ContractPlacement placement = placement(customer.id());
        Contract.draft("", customer.id(), placement, on, lines, terms, scope.userId(), clock.instant());
        ContractPolicy policy = ContractPolicy.of(policies.current());
        Contract c = Contract.draft(numbers.next(policy.numberPrefix(), on.getYear()), customer.id(), placement, on,
                lines, terms, scope.userId(), clock.instant());
        return new Drafted(c, customer.name());
    }

    /** The catalogue's list price of a line's product on a date; a refusal naming the product when none is in force. */
    private Contract.ListPrices catalogueListPrices() {
        return (line, on) -> catalogue.listPrice(line.getProductId(), on).orElseThrow(() ->
                DomainException.invalid("signedOn", "contract.error.noPrice", line.getProductName(), on.toString()));
    }

    /**
     * The lines as entered; a catalogue product's name, unit and list price come from the catalogue
     * (its price on {@code on}), a list price typed for it that differs is refused.
     */
    private List<ContractLine> lines(List<Line> input, LocalDate on) {
        if (input == null || input.isEmpty()) {
            throw DomainException.invalid("lines", "contract.error.noLines");
        }
        if (input.size() > MAX_LINES) {
            throw DomainException.invalid("lines", "contract.error.tooManyLines", MAX_LINES);
        }
        List<ContractLine> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Line l = input.get(i);
            String f = "lines[" + i + "]";
            if (l == null) {
                throw DomainException.invalid(f, "contract.error.noLines");
            }
            if (l.productId() != null) {
                Catalogue.Product product = catalogue.find(l.productId())
                        .orElseThrow(() -> DomainException.invalid(f + ".productId", "contract.error.unknownProduct"));
                BigDecimal listPrice = catalogue.listPrice(product.id(), on)
                        .orElseThrow(() -> DomainException.invalid(f + ".productId", "contract.error.noPrice", product.code(), on.toString()));
                if (l.listPrice() != null && l.listPrice().compareTo(listPrice) != 0) {
                    throw DomainException.invalid(f + ".listPrice", "contract.error.listPriceFixed", listPrice.toPlainString());
                }
                positive(l.quantity(), 3, 11, f + ".quantity", "contract.error.quantity");
                positive(l.unitPrice(), 2, 12, f + ".unitPrice", "contract.error.unitPrice");
                out.add(new ContractLine(product.id(), product.code() + " " + product.name(), l.quantity(), product.unit(),
                        listPrice, l.unitPrice()));
                continue;
            }
            String name = l.product() == null ? "" : l.product().strip();
            if (name.isEmpty() || name.length() > 200) {
                throw DomainException.invalid(f + ".product", "contract.error.product");
            }
            String unit = l.unit() == null ? "" : l.unit().strip();
            if (unit.isEmpty() || unit.length() > 20) {
                throw DomainException.invalid(f + ".unit", "contract.error.unit");
            }
            positive(l.quantity(), 3, 11, f + ".quantity", "contract.error.quantity");
            positive(l.listPrice(), 2, 12, f + ".listPrice", "contract.error.listPrice");
            positive(l.unitPrice(), 2, 12, f + ".unitPrice", "contract.error.unitPrice");
            out.add(new ContractLine(null, name, l.quantity(), unit, l.listPrice(), l.unitPrice()));
        }
        return out;
    }

    private static void positive(BigDecimal n, int scale, int integerDigits, String field, String key) {
        if (n == null || n.signum() <= 0 || n.stripTrailingZeros().scale() > scale
                || n.precision() - n.scale() > integerDigits) {
            throw DomainException.invalid(field, key);
        }
    }

    private ContractPlacement placement(long customerId) {
        Customer c = customerManagement.load(customerId).orElseThrow(DomainException::notFound);
        return new ContractPlacement(c.getOwnerId(), c.getOfficeId(), c.getDepartmentId(), c.getCompanyId());
    }

    /** The contract, if inside the scope. */
    @Transactional(readOnly = true)
    public Optional<ContractView> find(DataScope scope, long id) {
        return queries.find(scope, id).flatMap(row -> records.findById(id).map(c -> ContractView.of(c, row.customerName())));
    }

    /**
     * Submits a draft to 合同评审: the business-dept manager up to the threshold, the VP above it, or
     * higher when a {@link ContractReviewCheck} flags the contract (the most senior role wins). The
     * flags are kept with the approval (the contract page and the approver show them). Returns the
     * approval id.
     */
    @Transactional
    public long submit(DataScope scope, long id) {
        Contract c = load(scope, id);
        c.submit();
        ContractPolicy policy = ContractPolicy.of(policies.current());
        records.saveAndFlush(c);
        List<ReviewFlag> flags = reviewFlags(c);
        Role reviewer = flags.stream().map(ReviewFlag::reviewer).reduce(policy.reviewer(c.getAmount()), ReviewFlag::senior);
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, id, "contract.approval.title",
                List.of(c.getNumber(), customerName(c), c.getAmount().toPlainString()), "/contracts/" + id,
                Route.Roles.of(reviewer), scope.userId()));
        flagRecords.save(id, approvalId, clock.instant(), flags);
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_SUBMITTED", id,
                c.getNumber() + " → " + reviewer + " (policy v" + policy.versionId() + ")"
                        + flags.stream().map(f -> " " + f.code()).collect(Collectors.joining())));
        return approvalId;
    }

    /** What the review checks of other modules find on this contract now (none raises → empty). */
    List<ReviewFlag> reviewFlags(Contract c) {
        ContractUnderReview subject = ContractUnderReview.of(c);
        return reviewChecks.stream().flatMap(check -> check.flags(subject).stream()).toList();
    }

    /** The review's end: approved → APPROVED (dated today), rejected or withdrawn → DRAFT again. */
    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        records.findById(decided.subjectId()).filter(c -> c.getStatus() == ContractStatus.IN_REVIEW).ifPresent(c -> {
            if (decided.outcome() == ApprovalOutcome.APPROVED) {
                c.approve(clock.today());
                events.publishEvent(new ContractChanged(CurrentActor.SYSTEM, "CONTRACT_APPROVED", c.getId(), c.getNumber()));
            } else {
                c.returnToDraft();
                events.publishEvent(new ContractChanged(CurrentActor.SYSTEM, "CONTRACT_RETURNED", c.getId(),
                        decided.outcome() + (decided.comment() == null ? "" : ": " + decided.comment())));
            }
        });
    }

    /**
     * Signs an approved contract on a date not in the future nor before the approval; its catalogue
     * lines take the list prices of that date (the premium follows); publishes {@link ContractSigned}.
     */
    @Transactional
    public ContractView sign(DataScope scope, long id, LocalDate signedOn) {
        Contract c = load(scope, id);
        c.sign(signedOn, clock.today(), placement(c.getCustomerId()), catalogueListPrices());
        records.saveAndFlush(c);
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_SIGNED", id, c.getNumber() + " " + signedOn
                + ", list prices of " + c.getPriceDate() + ", list amount " + c.getListAmount().toPlainString()));
        events.publishEvent(new ContractSigned(id, c.getNumber(), c.getCustomerId(), c.placement(), c.getSignedOn(),
                c.getAmount(), c.installments()));
        return ContractView.of(c, customerName(c));
    }

    /** Records the shipment of a signed contract, once; publishes {@link ContractShipped} with the SHIPMENT installments. */
    @Transactional
    public ContractView ship(DataScope scope, long id, LocalDate shippedOn) {
        Contract c = load(scope, id);
        c.ship(shippedOn, clock.today());
        records.saveAndFlush(c);
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_SHIPPED", id, c.getNumber() + " " + shippedOn));
        events.publishEvent(new ContractShipped(id, c.getNumber(), c.getCustomerId(), c.placement(), c.getShippedOn(),
                c.installments(PaymentAnchor.SHIPMENT)));
        return ContractView.of(c, customerName(c));
    }

    /**
     * Records a part shipped by the shipping order {@code shipmentId} worth {@code shippedAmount}
     * (the caller found the contract inside its scope): publishes {@link ContractShipped} with each
     * SHIPMENT installment's share, installment × shipped amount / contract amount, to the cent.
     */
    @Transactional
    public void shipPart(long id, long shipmentId, LocalDate on, BigDecimal shippedAmount) {
        Contract c = records.findById(id).orElseThrow(DomainException::notFound);
        c.shipPart(on);
        records.saveAndFlush(c);
        List<Installment> shares = c.installments(PaymentAnchor.SHIPMENT).stream()
                .map(i -> new Installment(i.number(), i.percent(), i.anchor(), i.days(), i.amount().multiply(shippedAmount)
                        .divide(c.getAmount(), 2, java.math.RoundingMode.HALF_UP)))
                .toList();
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_SHIPPED_PART", id,
                c.getNumber() + " " + on + " " + shippedAmount.toPlainString() + " (shipment " + shipmentId + ")"));
        events.publishEvent(new ContractShipped(id, c.getNumber(), c.getCustomerId(), c.placement(), on, shares, shipmentId));
    }

    @Transactional
    public ContractView complete(DataScope scope, long id) {
        Contract c = load(scope, id);
        c.complete(clock.today());
        records.saveAndFlush(c);
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_COMPLETED", id, c.getNumber()));
        return ContractView.of(c, customerName(c));
    }

    @Transactional
    public ContractView terminate(DataScope scope, long id) {
        Contract c = load(scope, id);
        c.terminate(clock.today());
        records.saveAndFlush(c);
        events.publishEvent(new ContractChanged(CurrentActor.username(), "CONTRACT_TERMINATED", id, c.getNumber()));
        return ContractView.of(c, customerName(c));
    }

    /** Every review request of a contract, newest first (the page's approval trail). */
    @Transactional(readOnly = true)
    public List<ApprovalView> reviews(DataScope scope, long id) {
        queries.find(scope, id).orElseThrow(DomainException::notFound);
        return approvals.history(SUBJECT, id);
    }

    /** The review flags of every submission of a contract in the scope, newest submission first (404 outside it). */
    @Transactional(readOnly = true)
    List<ContractReviewFlags.Stored> reviewFlags(DataScope scope, long id) {
        queries.find(scope, id).orElseThrow(DomainException::notFound);
        return flagRecords.of(id);
    }

    /** The premium of a customer's contracts signed in {@code [from, to]} (read by grading). */
    @Transactional(readOnly = true)
    public Premium customerPremium(long customerId, LocalDate from, LocalDate to) {
        return queries.customerPremium(customerId, from, to);
    }

    private Contract load(DataScope scope, long id) {
        queries.find(scope, id).orElseThrow(DomainException::notFound);
        return records.findById(id).orElseThrow(DomainException::notFound);
    }

    private String customerName(Contract c) {
        return customerManagement.load(c.getCustomerId()).map(Customer::getName).orElse("");
    }
}
