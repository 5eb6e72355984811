package io.zhidu.crm.demo;

import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.credit.BlockReason;
import io.zhidu.crm.credit.CreditStandard;
import io.zhidu.crm.credit.CustomerCredits;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shipping.ShippingOrders;
import io.zhidu.crm.shipping.ShippingStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit and shipping for the demo (issue #6 item 9), after the demo company committed, through the
 * real services: the customers with signed contracts get the credit file kept so far (ratings
 * across the standard's scale with its default limits, some tight limits so that shipments block,
 * one expired, every tenth none at all), two go on hold by the business-dept manager; the warehouse
 * then puts a few orders of unshipped signed contracts into the queue — released ones, blocked ones
 * (one over the limit waiting for the GM's release), one confirmed and one still a draft. Fixed
 * order: every demo looks the same.
 */
@Component
@Order(7)
class DemoCredit implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCredit.class);
    /** A tight limit: most contracts of the demo exceed it. */
    static final BigDecimal TIGHT = new BigDecimal("100000");
    static final int ORDERS = 8;

    private final DemoCompany company;
    private final CustomerCredits credits;
    private final ShippingOrders shipping;
    private final Contracts contracts;
    private final Staff staff;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    DemoCredit(DemoCompany company, CustomerCredits credits, ShippingOrders shipping, Contracts contracts, Staff staff, JdbcClient jdbc,
               BusinessClock clock) {
        this.company = company;
        this.credits = credits;
        this.shipping = shipping;
        this.contracts = contracts;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (company.loadedNow()) {
            int granted = credit();
            log.info("Demo credit: {} customers rated; shipping orders: {}", granted, orders());
        }
    }

    /** The credit file: every customer with a signed contract, in id order. */
    private int credit() {
        LocalDate today = clock.today();
        CreditStandard standard = credits.standard();
        List<String> scale = standard.scale();
        DataScope stat = DataScope.everything(id("stat"));
        DataScope bizmgr = DataScope.everything(id("bizmgr"));
        List<Long> customers = jdbc.sql("SELECT DISTINCT customer_id FROM contract WHERE status = 'SIGNED' ORDER BY customer_id")
                .query(Long.class).list();
        int granted = 0;
        int held = 0;
        for (int i = 0; i < customers.size(); i++) {
            if (i % 10 == 9) {
                continue; // no credit granted yet: cash only
            }
            long customer = customers.get(i);
            String rating = scale.get(i % scale.size());
            BigDecimal limit = i % 6 == 0 ? TIGHT : null; // null: the rating's default limit
            LocalDate validUntil = i == 3 ? today.minusDays(20) : today.plusMonths(3 + i % 9);
            credits.importGranted(stat, customer, new CustomerCredits.Proposal(rating, limit, null, null,
                    "沿用原信用档案（系统上线前核定）"), validUntil);
            granted++;
            if (i % 13 == 5 && held < 2) {
                credits.hold(bizmgr, customer, "客户拒付到期货款，业务部冻结信用");
                held++;
            }
        }
        return granted;
    }

    /**
     * The queue: orders of signed contracts not shipped yet, one line's first unit each, requested
     * over the coming days; released or blocked by the credit check as it finds them. The first
     * order blocked over the limit (or without credit) alone asks for the GM's release.
     */
    private String orders() {
        LocalDate today = clock.today();
        DataScope warehouse = DataScope.everything(id("warehouse"));
        List<Long> open = jdbc.sql("""
                        SELECT id FROM contract WHERE status = 'SIGNED' AND shipped_on IS NULL ORDER BY signed_on DESC, id
                        FETCH FIRST 40 ROWS ONLY""").query(Long.class).list();
        int made = 0;
        int released = 0;
        int blocked = 0;
        boolean askedGm = false;
        for (long contractId : open) {
            if (made >= ORDERS) {
                break;
            }
            ContractView c = contracts.find(warehouse, contractId).orElseThrow();
            ContractView.Line line = c.lines().get(0);
            BigDecimal quantity = line.quantity().min(BigDecimal.ONE);
            long order = shipping.create(warehouse, new ShippingOrders.Draft(contractId,
                    List.of(new ShippingOrders.LineInput(line.number(), quantity)), today.plusDays(made % 5)));
            made++;
            if (made == ORDERS) {
                continue; // the last stays a draft, to be confirmed by the shipper
            }
            shipping.confirm(warehouse, order);
            if (made == ORDERS - 1) {
                continue; // confirmed, its release not run yet
            }
            if (shipping.release(warehouse, order) == ShippingStatus.RELEASED) {
                released++;
                continue;
            }
            blocked++;
            Set<String> codes = Set.copyOf(shipping.find(warehouse, order).orElseThrow().reasons().stream()
                    .map(ShippingOrders.Reason::code).toList());
            if (!askedGm && !codes.contains(BlockReason.OVERDUE.name())) {
                try {
                    shipping.requestRelease(warehouse, order);
                    askedGm = true;
                } catch (DomainException e) {
                    log.warn("Demo release request refused: {}", e.messageKey());
                }
            }
        }
        return made + " (" + released + " released, " + blocked + " blocked" + (askedGm ? ", one awaiting the GM" : "") + ")";
    }

    private long id(String username) {
        return staff.byUsername(username).orElseThrow().id();
    }
}
