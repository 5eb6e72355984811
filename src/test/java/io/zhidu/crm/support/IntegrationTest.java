package io.zhidu.crm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An integration test against the whole application with the demo company loaded, on the
 * database of this run (see {@link TestDatabase}). Subclass {@link AbstractIntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "zhidu.demo-data=true",
        "zhidu.clock.adjustable=true",
        "zhidu.scheduling.enabled=false",
        "spring.thymeleaf.cache=false"
})
@AutoConfigureMockMvc
@ExtendWith(DatabaseAvailable.class)
@Import({TestCustomerTab.class, TestApprovalEvents.class, TestNotices.class, TestContractEvents.class})
public @interface IntegrationTest {
}
