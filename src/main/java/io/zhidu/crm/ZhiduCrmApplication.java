package io.zhidu.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Zhidu CRM (制度CRM): customer management that runs by the company's own written policy. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhiduCrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhiduCrmApplication.class, args);
    }
}
