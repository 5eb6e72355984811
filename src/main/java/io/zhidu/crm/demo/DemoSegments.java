package io.zhidu.crm.demo;

import io.zhidu.crm.segment.CustomerSegments;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After the demo's contracts and collections: runs the {@code segment-refresh} duty once, so the
 * rule sets (客户四类) have their members, and the business-dept manager places the first key
 * accounts in the manual key-account tiers (核心/战略/重要/潜在大客户), one tier each.
 */
@Component
@Order(7)
class DemoSegments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSegments.class);
    private static final List<String> TIERS = List.of("CORE", "STRATEGIC", "IMPORTANT", "POTENTIAL", "CORE", "STRATEGIC");

    private final DemoCompany company;
    private final List<ScheduledDuty> duties;
    private final CustomerSegments segments;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    DemoSegments(DemoCompany company, List<ScheduledDuty> duties, CustomerSegments segments, JdbcClient jdbc, BusinessClock clock) {
        this.company = company;
        this.duties = duties;
        this.segments = segments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!company.loadedNow()) {
            return;
        }
        duties.stream().filter(d -> d.name().equals("segment-refresh")).findFirst()
                .ifPresent(d -> log.info("Demo segments: {}", d.run(clock.today())));
        long bizmgr = jdbc.sql("SELECT id FROM employee WHERE username = 'bizmgr'").query(Long.class).single();
        List<Long> keyAccounts = jdbc.sql("""
                        SELECT id FROM customer WHERE category = 'KEY_ACCOUNT' AND deleted_at IS NULL
                        ORDER BY id FETCH FIRST ? ROWS ONLY""").param(TIERS.size()).query(Long.class).list();
        for (int i = 0; i < keyAccounts.size(); i++) {
            segments.assign(DataScope.everything(bizmgr), keyAccounts.get(i), "KEY4", TIERS.get(i), "演示数据");
        }
    }
}
