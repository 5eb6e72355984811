package io.zhidu.crm.notification;

import io.zhidu.crm.security.ZhiduUser;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.shared.web.ETags;
import io.zhidu.crm.shared.web.KeysetCursor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notices and notification preferences over REST. Texts come in the caller's
 * language ({@code Accept-Language}); another user's notice answers 404, as if absent.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@AnySignedInUser
class NotificationApiController {

    private final Inbox inbox;
    private final NoticeTexts texts;
    private final NotificationSettings settings;
    private final Clock clock;

    NotificationApiController(Inbox inbox, NoticeTexts texts, NotificationSettings settings, Clock clock) {
        this.inbox = inbox;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    record NoticeList(List<NoticeTexts.NoticeView> items, String nextCursor) {
    }

    /** Unread notices: exact up to 99; {@code capped} when there are more. */
    record UnreadCount(int count, boolean capped) {
    }

    record Marked(int marked) {
    }

    /** One topic's channels; {@code label} in the caller's language. */
    record TopicPreference(String code, String label, boolean inApp, boolean email, boolean emailByDefault, boolean decided) {
    }

    record Preferences(MailLanguage emailLanguage, List<TopicPreference> topics, String emailAddress, boolean mailEnabled) {
    }

    record TopicChange(@NotBlank String code, @NotNull Boolean email) {
    }

    /** New choices; topics left out keep their setting. */
    record PreferencesChange(@NotNull MailLanguage emailLanguage, List<@Valid TopicChange> topics) {
    }

    @GetMapping
    NoticeList list(@AuthenticationPrincipal ZhiduUser user, @RequestParam(defaultValue = "false") boolean unread,
                    @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int size, Locale locale) {
        Inbox.Page page = inbox.page(user.id(), unread, KeysetCursor.decode(cursor), size);
        return new NoticeList(page.items().stream().map(n -> texts.view(n, locale)).toList(), page.nextCursor());
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(@AuthenticationPrincipal ZhiduUser user) {
        int count = inbox.unread(user.id(), Inbox.BADGE_CAP);
        return new UnreadCount(Math.min(count, Inbox.BADGE_CAP), count > Inbox.BADGE_CAP);
    }

    @GetMapping("/{id}")
    NoticeTexts.NoticeView get(@AuthenticationPrincipal ZhiduUser user, @PathVariable long id, Locale locale) {
        return texts.view(inbox.find(user.id(), id).orElseThrow(DomainException::notFound), locale);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal ZhiduUser user, @PathVariable long id) {
        if (!inbox.markRead(user.id(), id, clock.instant())) {
            throw DomainException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    Marked markAllRead(@AuthenticationPrincipal ZhiduUser user) {
        return new Marked(inbox.markAllRead(user.id(), clock.instant()));
    }

    @GetMapping("/preferences")
    ResponseEntity<Preferences> preferences(@AuthenticationPrincipal ZhiduUser user, Locale locale) {
        return body(settings.of(user.id()), locale);
    }

    /** Replaces the caller's choices; needs the ETag of the preferences read ({@code "0"} while never chosen). */
    @PutMapping("/preferences")
    ResponseEntity<Preferences> choose(@AuthenticationPrincipal ZhiduUser user,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       @Valid @RequestBody PreferencesChange change, Locale locale) {
        long expected = ETags.required(ifMatch);
        Map<String, Boolean> email = new LinkedHashMap<>();
        if (change.topics() != null) {
            change.topics().forEach(t -> email.put(t.code(), t.email()));
        }
        return body(settings.choose(user.id(), expected, change.emailLanguage(), email), locale);
    }

    private ResponseEntity<Preferences> body(NotificationSettings.View v, Locale locale) {
        List<TopicPreference> topics = v.topics().stream()
                .map(t -> new TopicPreference(t.code(), texts.topicLabel(t.code(), locale), true, t.email(), t.emailByDefault(), t.decided()))
                .toList();
        return ResponseEntity.ok().eTag(ETags.of(v.version()))
                .body(new Preferences(v.emailLanguage(), topics, v.address(), v.mailEnabled()));
    }
}
