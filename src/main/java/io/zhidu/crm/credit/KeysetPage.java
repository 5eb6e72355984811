package io.zhidu.crm.credit;

import io.zhidu.crm.shared.web.KeysetCursor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** A page of a keyset-paged list: its rows and the cursor of the next page, null on the last. */
interface KeysetPage<T> {

    List<T> rows();

    String nextCursor();

    /** Hands every row of the list to {@code action}, page by page from the first (exports). */
    static <T> void forEach(Function<KeysetCursor, ? extends KeysetPage<T>> page, Consumer<T> action) {
        KeysetCursor after = null;
        do {
            KeysetPage<T> p = page.apply(after);
            p.rows().forEach(action);
            after = KeysetCursor.decode(p.nextCursor());
        } while (after != null);
    }

    /**
     * The cursor after the last shown row of {@code fetched} (queried with {@code limit + 1} rows),
     * or null when nothing is beyond the page.
     */
    static <T> String next(List<T> fetched, int limit, ToLongFunction<T> id) {
        return fetched.size() <= limit ? null : new KeysetCursor(null, id.applyAsLong(fetched.get(limit - 1))).encode();
    }

    /**
     * The end of a newest-first credit-file list query, after its scope predicate: the office
     * ({@code c.office_id}) and customer filters when given, the keyset below {@code after}, the
     * order by {@code alias.id} descending and {@code limit + 1} rows (for {@link #next}). Their
     * values are added to {@code params}.
     */
    static String newestFirst(String alias, Long officeId, Long customerId, KeysetCursor after, int limit, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (officeId != null) {
            sql.append(" AND c.office_id = ?");
            params.add(officeId);
        }
        if (customerId != null) {
            sql.append(" AND ").append(alias).append(".customer_id = ?");
            params.add(customerId);
        }
        if (after != null) {
            sql.append(" AND ").append(alias).append(".id < ?");
            params.add(after.id());
        }
        return sql.append(" ORDER BY ").append(alias).append(".id DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY").toString();
    }

    /** The rows to show of {@code fetched} (queried with {@code limit + 1} rows). */
    static <T> List<T> shown(List<T> fetched, int limit) {
        return List.copyOf(fetched.size() <= limit ? fetched : fetched.subList(0, limit));
    }
}
