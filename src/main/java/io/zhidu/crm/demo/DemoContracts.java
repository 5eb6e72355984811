package io.zhidu.crm.demo;

import io.zhidu.crm.contract.Catalogue;
import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.receivable.PaymentMethod;
import io.zhidu.crm.receivable.Payments;
import io.zhidu.crm.receivable.WriteOffs;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contracts and money for the demo (issue #5 item 9), through the real services so that the
 * receivables, allocations and audit entries are what the application itself makes: a small
 * catalogue (prices raised 5 % ten months ago); for about 80 demo customers one contract each
 * over the last two years — a few drafts, a few large ones in review (with the VP), the rest entered as signed (imported),
 * a share of them shipped; payments with past dates leaving paid, partly paid and unpaid
 * receivables (some more than 90, some more than 365 days past due) and one prepayment; one
 * write-off proposed by finance, waiting for the GM. Fixed seed: every demo looks the same.
 */
@Component
class DemoContracts {

    static final int CONTRACTS = 80;

    private record Item(String code, String name, String unit, int price) {
    }

    private static final List<Item> CATALOGUE = List.of(
            new Item("CNC-6150", "数控车床 CK6150", "台", 168_000),
            new Item("VMC-850", "立式加工中心 VMC850", "台", 325_000),
            new Item("GRD-M7130", "平面磨床 M7130", "台", 96_000),
            new Item("SPD-120", "电主轴 120 型", "件", 18_500),
            new Item("CTRL-980", "数控系统 980TDi", "套", 24_800),
            new Item("TOOL-KIT", "刀具套装（车削）", "套", 3_600),
            new Item("SRV-INST", "安装调试服务", "次", 8_000),
            new Item("SRV-TRAIN", "操作培训（3 天）", "次", 6_000));

    private final Catalogue catalogue;
    private final Contracts contracts;
    private final Payments payments;
    private final WriteOffs writeOffs;
    private final Staff staff;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final EntityManager entities;

    DemoContracts(Catalogue catalogue, Contracts contracts, Payments payments, WriteOffs writeOffs, Staff staff, JdbcClient jdbc,
                  BusinessClock clock, EntityManager entities) {
        this.entities = entities;
        this.catalogue = catalogue;
        this.contracts = contracts;
        this.payments = payments;
        this.writeOffs = writeOffs;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Customer(long id, long ownerId) {
    }

    private record Receivable(long id, BigDecimal amount, LocalDate dueOn, LocalDate createdOn) {
    }

    void load() {
        Random random = new Random(20260505L);
        LocalDate today = clock.today();
        List<Long> products = new ArrayList<>();
        for (Item item : CATALOGUE) {
            long id = catalogue.create(new Catalogue.ProductForm(item.code(), item.name(), item.unit())).id();
            BigDecimal base = BigDecimal.valueOf(item.price());
            catalogue.addPrice(id, new Catalogue.PriceForm(today.minusYears(3).withDayOfMonth(1), base));
            catalogue.addPrice(id, new Catalogue.PriceForm(today.minusMonths(10).withDayOfMonth(1),
                    base.multiply(new BigDecimal("1.05")).setScale(0, RoundingMode.HALF_UP)));
            products.add(id);
        }
        DataScope finance = DataScope.everything(staff.byUsername("finance").orElseThrow().id());
        // contracts in review: from the east and south offices' salespeople
        java.util.Set<Long> reviewers = java.util.Set.of(id("sales1"), id("sales2"), id("sales3"));
        int reference = 0;
        boolean prepaid = false;
        List<Customer> customers = customers();
        for (int i = 0; i < customers.size() && i < CONTRACTS; i++) {
            // the whole demo is one transaction: without this every query would first dirty-check all it loaded so far
            entities.flush();
            entities.clear();
            Customer customer = customers.get(i);
            DataScope owner = DataScope.ownOnly(customer.ownerId());
            Contracts.Draft draft = draft(random, customer.id(), products, i);
            int kind = i % 20;
            if (kind == 0) {
                contracts.draft(owner, draft);
                continue;
            }
            if (kind == 1 && reviewers.contains(customer.ownerId())) {
                // four machining centres: above the business manager's threshold, so the review waits for the VP
                Contracts.Draft large = new Contracts.Draft(customer.id(), List.of(new Contracts.Line(
                        products.get(1), null, BigDecimal.valueOf(4), null, null, BigDecimal.valueOf(CATALOGUE.get(1).price()))),
                        draft.paymentTerms());
                contracts.submit(owner, contracts.draft(owner, large).id());
                continue;
            }
            // kinds 2 and 3 are the bad debts: long past due, never paid
            int daysAgo = kind == 2 ? 420 + random.nextInt(300) : kind == 3 ? 130 + random.nextInt(150) : 15 + random.nextInt(700);
            LocalDate signedOn = today.minusDays(daysAgo);
            ContractView c = contracts.importSigned(owner, draft, signedOn);
            boolean shipmentTerms = c.installments().stream().anyMatch(t -> t.anchor() == PaymentAnchor.SHIPMENT);
            LocalDate shippedOn = signedOn.plusDays(10 + random.nextInt(30));
            if ((shipmentTerms || i % 7 == 0) && !shippedOn.isAfter(today) && random.nextInt(4) > 0) {
                contracts.ship(owner, c.id(), shippedOn);
            }
            int fate = kind == 2 || kind == 3 ? 99 : random.nextInt(100);
            for (Receivable r : receivables(c.id())) {
                BigDecimal pay = fate < 60 ? r.amount()                                          // paid
                        : fate < 80 ? r.amount().multiply(BigDecimal.valueOf(30 + random.nextInt(50)))
                                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)           // partly paid
                        : BigDecimal.ZERO;                                                     // not paid
                LocalDate paidOn = r.dueOn().plusDays(random.nextInt(40) - 15);
                paidOn = paidOn.isBefore(r.createdOn()) ? r.createdOn() : paidOn;
                if (pay.signum() <= 0 || paidOn.isAfter(today)) {
                    continue;
                }
                if (!prepaid && fate < 60 && i > 40) {
                    pay = pay.add(new BigDecimal("50000.00")); // paid ahead: stays as the customer's prepayment
                    prepaid = true;
                }
                payments.record(finance, new Payments.Entry(customer.id(), pay, paidOn,
                        random.nextInt(5) == 0 ? PaymentMethod.ACCEPTANCE_BILL : PaymentMethod.BANK_TRANSFER,
                        "DEMO-" + paidOn.getYear() + "-" + String.format("%05d", ++reference)));
            }
        }
        jdbc.sql("SELECT id FROM receivable WHERE status = 'OPEN' AND due_on < ? ORDER BY due_on, id FETCH FIRST 1 ROWS ONLY")
                .param(today.minusDays(365)).query(Long.class).optional()
                .ifPresent(id -> writeOffs.propose(finance, id, "客户已停业，多次催收（含律师函）无果，申请核销坏账"));
    }

    private long id(String username) {
        return staff.byUsername(username).orElseThrow().id();
    }

    private static Contracts.Draft draft(Random random, long customerId, List<Long> products, int i) {
        List<Contracts.Line> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int l = 0; l < count; l++) {
            Item item = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
            // a little over or under the list price: the premium the grading reads
            BigDecimal unitPrice = BigDecimal.valueOf(item.price()).multiply(BigDecimal.valueOf(95 + random.nextInt(20)))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
            if (lines.stream().noneMatch(x -> x.productId().equals(products.get(CATALOGUE.indexOf(item))))) {
                lines.add(new Contracts.Line(products.get(CATALOGUE.indexOf(item)), null, BigDecimal.valueOf(1 + random.nextInt(5)),
                        null, null, unitPrice));
            }
        }
        List<Contracts.Term> terms = switch (i % 3) {
            case 0 -> List.of(new Contracts.Term(new BigDecimal("30"), PaymentAnchor.SIGNING, 0),
                    new Contracts.Term(new BigDecimal("70"), PaymentAnchor.SIGNING, 60));
            case 1 -> List.of(new Contracts.Term(new BigDecimal("100"), PaymentAnchor.SIGNING, 30));
            default -> List.of(new Contracts.Term(new BigDecimal("30"), PaymentAnchor.SIGNING, 0),
                    new Contracts.Term(new BigDecimal("70"), PaymentAnchor.SHIPMENT, 30));
        };
        return new Contracts.Draft(customerId, lines, terms);
    }

    /** Customers with an owner, every third left without contracts (demo seeding reads the tables directly). */
    private List<Customer> customers() {
        return jdbc.sql("SELECT id, owner_id FROM customer WHERE owner_id IS NOT NULL AND deleted_at IS NULL ORDER BY id")
                .query((rs, n) -> new Customer(rs.getLong("id"), rs.getLong("owner_id"))).list()
                .stream().filter(c -> c.id() % 3 != 0).toList();
    }

    private List<Receivable> receivables(long contractId) {
        return jdbc.sql("SELECT id, amount, due_on, created_on FROM receivable WHERE contract_id = ? ORDER BY due_on, id")
                .param(contractId)
                .query((rs, n) -> new Receivable(rs.getLong("id"), rs.getBigDecimal("amount"), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("created_on", LocalDate.class))).list();
    }
}
