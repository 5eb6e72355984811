package io.zhidu.crm.support;

import io.zhidu.crm.notification.NoticeTopic;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractResourceBasedMessageSource;

/**
 * Notice topics and texts as a publishing module would declare them, for the notification tests:
 * {@code test.reminder} (in-app only until the user chooses e-mail) and {@code test.alert} (e-mail
 * by default), with their texts in a test-only bundle ({@code test-i18n/notices}) added to the
 * application's messages — the real bundles stay untouched.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestNotices {

    public static final String REMINDER = "test.reminder";
    public static final String ALERT = "test.alert";

    @Bean
    NoticeTopic testReminderTopic() {
        return new NoticeTopic(REMINDER, "test.topic.reminder", false);
    }

    @Bean
    NoticeTopic testAlertTopic() {
        return new NoticeTopic(ALERT, "test.topic.alert", true);
    }

    @Bean
    static BeanPostProcessor testNoticeTexts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractResourceBasedMessageSource messages && beanName.equals("messageSource")) {
                    messages.addBasenames("test-i18n/notices");
                }
                return bean;
            }
        };
    }
}
