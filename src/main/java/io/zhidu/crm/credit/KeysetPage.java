package io.zhidu.crm.credit;

import io.zhidu.crm.shared.web.KeysetCursor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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
}
