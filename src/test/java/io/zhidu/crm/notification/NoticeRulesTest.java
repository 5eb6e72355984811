package io.zhidu.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/** The rules of the notification module that need no database. */
class NoticeRulesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void onlyPathsInsideTheApplicationAreKeptAsLinks() {
        assertThat(NoticeDelivery.isApplicationPath("/customers/42")).isTrue();
        assertThat(NoticeDelivery.isApplicationPath("/customers?grade=A&page=2#contacts")).isTrue();
        assertThat(NoticeDelivery.isApplicationPath("/")).isTrue();
        assertThat(NoticeDelivery.isApplicationPath("//evil.example.com/x")).isFalse();
        assertThat(NoticeDelivery.isApplicationPath("/\\evil.example.com")).isFalse();
        assertThat(NoticeDelivery.isApplicationPath("https://evil.example.com/")).isFalse();
        assertThat(NoticeDelivery.isApplicationPath("javascript:alert(1)")).isFalse();
        assertThat(NoticeDelivery.isApplicationPath("customers/42")).isFalse();
        assertThat(NoticeDelivery.isApplicationPath("/customers/42\r\nLocation: x")).isFalse();
        assertThat(NoticeDelivery.isApplicationPath("/" + "a".repeat(500))).isFalse();
    }

    @Test
    void argumentsAreCutToFitTheirColumnLongestFirst() {
        Inbox inbox = new Inbox(null, JSON);
        assertThat(inbox.argsJson(List.of("华东机械", "2027-01-31"))).isEqualTo("[\"华东机械\",\"2027-01-31\"]");
        String fitted = inbox.argsJson(List.of("短", "长".repeat(6000), "2027-01-31"));
        assertThat(fitted.length()).isLessThanOrEqualTo(Inbox.MAX_ARGS_JSON);
        String[] args = JSON.readValue(fitted, String[].class);
        assertThat(args).hasSize(3);
        assertThat(args[0]).isEqualTo("短");
        assertThat(args[1]).startsWith("长长长").endsWith("…");
        assertThat(args[2]).isEqualTo("2027-01-31");
        assertThat(JSON.readValue(inbox.argsJson(Collections.nCopies(50, "x")), String[].class)).hasSize(Inbox.MAX_ARGS);
    }

    @Test
    void theBadgeCountsExactlyUpTo99() {
        assertThat(new NoticeBadgeAdvice.NoticeBadge(7).label()).isEqualTo("7");
        assertThat(new NoticeBadgeAdvice.NoticeBadge(99).label()).isEqualTo("99");
        assertThat(new NoticeBadgeAdvice.NoticeBadge(100).label()).isEqualTo("99+");
    }

    @Test
    void eMailSwitchedOnWithoutAnSmtpServerStopsTheStart() {
        var noSender = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        assertThatThrownBy(() -> new MailOutboxDuty(null, null, null, null, new MailSettings(true, "crm@example.com", 3, 10),
                noSender, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spring.mail.host");
        // off: no server needed
        new MailOutboxDuty(null, null, null, null, new MailSettings(false, "crm@example.com", 3, 10), noSender, Clock.systemUTC());
    }

    @Test
    void defaultsFollowEachTopicUntilTheUserDecides() {
        NoticePreference p = NoticePreference.defaults(7);
        NoticeTopic mailed = new NoticeTopic("a", "a.label", true);
        NoticeTopic quiet = new NoticeTopic("b", "b.label", false);
        assertThat(p.revision()).isZero();
        assertThat(p.emailLanguage()).isEqualTo(MailLanguage.ZH_CN);
        assertThat(p.wantsEmail(mailed)).isTrue();
        assertThat(p.wantsEmail(quiet)).isFalse();
        p.choose(MailLanguage.EN, java.util.Map.of("a", false));
        assertThat(p.wantsEmail(mailed)).isFalse();
        assertThat(p.decided("a")).isTrue();
        assertThat(p.decided("b")).isFalse();
        assertThat(p.emailLanguage()).isEqualTo(MailLanguage.EN);
    }
}
