package io.zhidu.crm.shared.time;

import io.zhidu.crm.shared.DemoMode;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Provides the {@link BusinessClock}, the application's only {@link Clock}. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    BusinessClock businessClock(@Value("${zhidu.clock.zone:Asia/Shanghai}") String zone, Environment env) {
        return new BusinessClock(Clock.systemUTC(), ZoneId.of(zone), DemoMode.clockAdjustable(env));
    }
}
