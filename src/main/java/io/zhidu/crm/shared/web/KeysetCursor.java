package io.zhidu.crm.shared.web;

import io.zhidu.crm.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset-pagination cursor: the sort value and the id of the last row of a page, so the
 * next page starts with {@code (sortValue, id) > (?, ?)} on an index — as fast at page 10,000 as
 * at page 1. A cursor that does not decode is the caller's mistake (400 on field {@code cursor}).
 */
public record KeysetCursor(String sortValue, long id) {

    public String encode() {
        String raw = (sortValue == null ? "" : sortValue) + '\u0000' + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in a request parameter; null or blank means the first page. */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int sep = raw.lastIndexOf('\u0000');
            if (sep < 0) {
                throw DomainException.invalid("cursor", "error.badCursor");
            }
            return new KeysetCursor(raw.substring(0, sep), Long.parseLong(raw.substring(sep + 1)));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cursor", "error.badCursor");
        }
    }
}
