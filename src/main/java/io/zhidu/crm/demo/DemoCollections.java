package io.zhidu.crm.demo;

import io.zhidu.crm.collection.CollectionDuty;
import io.zhidu.crm.shared.time.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the demo company committed (the duty opens its own transactions), runs the daily
 * {@code collections} duty once for today, so the demo's overdue receivables have their cases:
 * the long-overdue ones already handed over to the planning dept (企划部).
 */
@Component
@Order(6)
class DemoCollections implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCollections.class);

    private final DemoCompany company;
    private final CollectionDuty duty;
    private final BusinessClock clock;

    DemoCollections(DemoCompany company, CollectionDuty duty, BusinessClock clock) {
        this.company = company;
        this.duty = duty;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (company.loadedNow()) {
            log.info("Demo collection cases: {}", duty.run(clock.today()));
        }
    }
}
