package io.zhidu.crm.notification;

import io.zhidu.crm.security.ZhiduUser;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre (通知中心) and the user's notification preferences. Everyone works on
 * their own notices only: another user's notice answers 404, as if absent. Marking one read
 * answers an htmx request with the row and the bell; a plain post goes back to the list.
 */
@ScreenController
@AnySignedInUser
class NotificationPageController {

    static final int PAGE_SIZE = 30;

    /** The list's two views. */
    public enum View {
        UNREAD, ALL;

        static View of(String param) {
            return "all".equalsIgnoreCase(param) ? ALL : UNREAD;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The preferences form: the e-mail language and the topics to get by e-mail (unticked: in-app
     * only). Text fields, so that whatever arrives binds and a bad value is shown on its field.
     */
    public record PreferencesForm(String emailLanguage, Set<String> email, String version) {
        public boolean emailFor(String topic) {
            return email != null && email.contains(topic);
        }

        MailLanguage language() {
            try {
                return emailLanguage == null ? null : MailLanguage.valueOf(emailLanguage);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** The version the form was made from; a value that is no version matches none. */
        long expectedVersion() {
            try {
                return version == null ? -1 : Long.parseLong(version.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final Inbox inbox;
    private final NoticeTexts texts;
    private final NotificationSettings settings;
    private final NoticeBadgeAdvice badges;
    private final Clock clock;

    NotificationPageController(Inbox inbox, NoticeTexts texts, NotificationSettings settings, NoticeBadgeAdvice badges,
                               Clock clock) {
        this.inbox = inbox;
        this.texts = texts;
        this.settings = settings;
        this.badges = badges;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal ZhiduUser user, @RequestParam(required = false) String view,
                @RequestParam(required = false) String cursor, Locale locale, Model model) {
        View v = View.of(view);
        Inbox.Page page = inbox.page(user.id(), v == View.UNREAD, KeysetCursor.decode(cursor), PAGE_SIZE);
        model.addAttribute("view", v);
        model.addAttribute("notices", page.items().stream().map(n -> texts.view(n, locale)).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal ZhiduUser user, @PathVariable long id, @RequestParam(required = false) String view,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        if (!inbox.markRead(user.id(), id, clock.instant())) {
            throw DomainException.notFound();
        }
        if (htmx != null) {
            model.addAttribute("n", texts.view(inbox.find(user.id(), id).orElseThrow(DomainException::notFound), locale));
            model.addAttribute("view", View.of(view));
            model.addAttribute("noticeBadge", badges.badge(user.id()));
            return "notifications :: marked";
        }
        return "redirect:/notifications?view=" + View.of(view).param();
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal ZhiduUser user, RedirectAttributes redirect) {
        inbox.markAllRead(user.id(), clock.instant());
        redirect.addFlashAttribute("flash", "notification.allRead");
        return "redirect:/notifications";
    }

    /** Opening a notice marks it read and goes where it points (the list when it points nowhere). */
    @GetMapping("/notifications/{id}/open")
    String open(@AuthenticationPrincipal ZhiduUser user, @PathVariable long id) {
        Inbox.Stored n = inbox.find(user.id(), id).orElseThrow(DomainException::notFound);
        inbox.markRead(user.id(), id, clock.instant());
        return "redirect:" + (n.link() == null ? "/notifications?view=all" : n.link());
    }

    @GetMapping("/notifications/preferences")
    String preferences(@AuthenticationPrincipal ZhiduUser user, Model model) {
        NotificationSettings.View current = settings.of(user.id());
        Set<String> email = current.topics().stream().filter(NotificationSettings.TopicChoice::email)
                .map(NotificationSettings.TopicChoice::code).collect(Collectors.toSet());
        model.addAttribute("form", new PreferencesForm(current.emailLanguage().name(), email, Long.toString(current.version())));
        return preferencesPage(current, model);
    }

    @PostMapping("/notifications/preferences")
    String choose(@AuthenticationPrincipal ZhiduUser user, @ModelAttribute("form") PreferencesForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        NotificationSettings.View current = settings.of(user.id());
        if (form.language() == null) {
            errors.rejectValue("emailLanguage", "notification.preferences.languageRequired");
        }
        if (!errors.hasErrors()) {
            Map<String, Boolean> email = current.topics().stream().collect(Collectors.toMap(
                    NotificationSettings.TopicChoice::code, t -> form.emailFor(t.code())));
            try {
                settings.choose(user.id(), form.expectedVersion(), form.language(), email);
                redirect.addFlashAttribute("flash", "notification.preferences.saved");
                return "redirect:/notifications/preferences";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.STALE) {
                    // keep what the user ticked, against the current version: saving again decides
                    model.addAttribute("error", "notification.preferences.stale");
                    model.addAttribute("form", new PreferencesForm(form.emailLanguage(), form.email(), Long.toString(current.version())));
                } else if (e.field() != null) {
                    errors.rejectValue(e.field().equals("topics") ? "email" : e.field(), e.messageKey(), e.args(), null);
                } else {
                    errors.reject(e.messageKey(), e.args(), null);
                }
            }
        }
        return preferencesPage(current, model);
    }

    private String preferencesPage(NotificationSettings.View current, Model model) {
        model.addAttribute("preferences", current);
        model.addAttribute("languages", MailLanguage.values());
        return "notification-preferences";
    }
}
