package io.zhidu.crm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules depend on each other only as their package-info allows, and never in a cycle. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ZhiduCrmApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
