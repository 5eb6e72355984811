package io.zhidu.crm.notification;

import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored notices, one row per recipient. Every query names the recipient, so nobody reaches
 * another user's notice: it is absent for them. Lists run newest first (by id) on the indexes
 * {@code (recipient_id, id)} and {@code (recipient_id, read_at, id)}.
 */
@Component
class Inbox {

    /** Bell badges show at most this many; more reads as "99+". */
    static final int BADGE_CAP = 99;
    static final int MAX_PAGE = 100;
    static final int MAX_ARGS_JSON = 4000;
    static final int MAX_ARGS = 20;

    /** One stored notice, its text still a message key with arguments. */
    record Stored(long id, long recipientId, String topic, String messageKey, List<String> args, String link,
                  Instant createdAt, Instant readAt) {
        boolean unread() {
            return readAt == null;
        }
    }

    record Page(List<Stored> items, String nextCursor) {
    }

    private static final String COLUMNS = "id, recipient_id, topic, message_key, args, link, created_at, read_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Stored> row;

    Inbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, n) -> new Stored(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("topic"),
                rs.getString("message_key"), List.of(json.readValue(rs.getString("args"), String[].class)),
                rs.getString("link"), instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("read_at", OffsetDateTime.class)));
    }

    /** Stores one notice for one recipient; answers its id. */
    long deliver(long recipientId, String topic, String messageKey, List<String> args, String link, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notice (recipient_id, topic, message_key, args, link, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(recipientId, topic, messageKey, argsJson(args), link, utc(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The recipient's notices (or only the unread ones), newest first, after the cursor. */
    Page page(long recipientId, boolean unreadOnly, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notice WHERE recipient_id = ?");
        List<Object> params = new ArrayList<>(List.of(recipientId));
        if (unreadOnly) {
            sql.append(" AND read_at IS NULL");
        }
        if (after != null) {
            sql.append(" AND id < ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit + 1);
        List<Stored> items = jdbc.sql(sql.toString()).params(params).query(row).list();
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = new KeysetCursor("", items.get(limit - 1).id()).encode();
        }
        return new Page(List.copyOf(items), next);
    }

    /** The recipient's notice, or empty when absent or someone else's. */
    Optional<Stored> find(long recipientId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE id = ? AND recipient_id = ?")
                .params(id, recipientId).query(row).optional();
    }

    /** Unread notices of the recipient, counted up to {@code cap + 1} at most (one bounded index range). */
    int unread(long recipientId, int cap) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM notice WHERE recipient_id = ? AND read_at IS NULL LIMIT ?) t")
                .params(recipientId, cap + 1).query(Integer.class).single();
    }

    /** Marks the recipient's notice read (a read one stays as it was); false when it is not theirs or absent. */
    boolean markRead(long recipientId, long id, Instant at) {
        int changed = jdbc.sql("UPDATE notice SET read_at = ? WHERE id = ? AND recipient_id = ? AND read_at IS NULL")
                .params(utc(at), id, recipientId).update();
        return changed > 0 || find(recipientId, id).isPresent();
    }

    /** Marks every unread notice of the recipient read; answers how many. */
    int markAllRead(long recipientId, Instant at) {
        return jdbc.sql("UPDATE notice SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL")
                .params(utc(at), recipientId).update();
    }

    /** The arguments (the first {@value #MAX_ARGS}) as a JSON array that fits its column: the longest are cut until it does. */
    String argsJson(List<String> args) {
        List<String> fitted = new ArrayList<>(args.stream().limit(MAX_ARGS).map(a -> a == null ? "" : a).toList());
        String text = json.writeValueAsString(fitted);
        while (text.length() > MAX_ARGS_JSON) {
            int longest = 0;
            for (int i = 1; i < fitted.size(); i++) {
                if (fitted.get(i).length() > fitted.get(longest).length()) {
                    longest = i;
                }
            }
            String a = fitted.get(longest);
            int cut = a.length() / 2;
            if (Character.isLowSurrogate(a.charAt(cut))) {
                cut--;
            }
            fitted.set(longest, a.substring(0, cut) + "…");
            text = json.writeValueAsString(fitted);
        }
        return text;
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
