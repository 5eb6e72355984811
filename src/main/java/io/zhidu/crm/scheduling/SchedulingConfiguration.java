package io.zhidu.crm.scheduling;

import io.zhidu.crm.shared.time.BusinessClock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Registers every duty on its cron schedule in the company's zone. Set
 * {@code zhidu.scheduling.enabled=false} on nodes that should never run duties (tests do).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration implements SchedulingConfigurer {

    private final Duties duties;
    private final BusinessClock clock;
    private final boolean enabled;

    SchedulingConfiguration(Duties duties, BusinessClock clock, @Value("${zhidu.scheduling.enabled:true}") boolean enabled) {
        this.duties = duties;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Bean
    static LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!enabled) {
            return;
        }
        duties.all().forEach(d -> registrar.addTriggerTask(
                () -> duties.run(d.name(), Duties.Trigger.SCHEDULE),
                new CronTrigger(d.cron(), clock.getZone())));
    }
}
