package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.CustomerType;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer list and look-ups by id, always inside the caller's data scope (in the SQL), newest
 * first (keyset on id) or by name (keyset on name, id): page 10,000 costs what page 1 costs, and
 * no query counts the table.
 *
 * <p>Name search: a query of 18 letters and digits is a USCC; otherwise its normalised key is
 * matched through the gram index — one character as a range over the grams, two as one gram,
 * more as all their pairs plus a final substring check on the key.
 */
@Component
public class CustomerSearch {

    public static final int MAX_PAGE = 200;
    static final DataScope.Columns COLUMNS = new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id");

    /**
     * @param deleted the recycle bin instead of the live archive
     * @param pool    only customers of the public pool (公海: no owner)
     * @param segment only members of a segment, {@code SET:CODE} (table customer_segment, kept by the segment module)
     */
    public record Filter(String q, Long ownerId, Long officeId, Category category, Grade grade, CustomerType type,
                         String industry, String region, Stage stage, String tag, boolean deleted, boolean pool, String segment) {

        public Filter(String q, Long ownerId, Long officeId, Category category, Grade grade, CustomerType type,
                      String industry, String region, Stage stage, String tag, boolean deleted, boolean pool) {
            this(q, ownerId, officeId, category, grade, type, industry, region, stage, tag, deleted, pool, null);
        }

        /** The recycle bin: every deleted customer in the scope. */
        public static Filter bin() {
            return new Filter(null, null, null, null, null, null, null, null, null, null, true, false);
        }

        /** The public pool, searched by name or credit code. */
        public static Filter pool(String q) {
            return new Filter(q, null, null, null, null, null, null, null, null, null, false, true);
        }
    }

    /** The list's orders: newest first (default), or by name A→Z; both complete by id. */
    public enum Sort {
        NEWEST, NAME;

        /** From {@code sort=name}; anything else is newest first. */
        public static Sort of(String s) {
            return "name".equalsIgnoreCase(s) ? NAME : NEWEST;
        }

        public String param() {
            return this == NAME ? "name" : null;
        }
    }

    /**
     * The list's query parameters as a screen or the API receives them ({@code ?q=&category=...});
     * bound by Spring MVC from the request, turned into a {@link Filter}.
     */
    public record Params(String q, Category category, Grade grade, CustomerType type, Stage stage, String industry,
                         String region, String tag, Long ownerId, Long officeId, String sort, String segment) {
        public Filter filter() {
            return new Filter(q, ownerId, officeId, category, grade, type, industry, region, stage, tag, false, false, segment);
        }

        public Sort order() {
            return Sort.of(sort);
        }
    }

    public record Row(long id, String name, String uscc, CustomerType type, Category category, Stage stage, Grade grade,
                      String industry, String region, String phone, Long ownerId, String ownerName, Long officeId,
                      String officeName, List<String> tags, Instant updatedAt, Instant deletedAt, long version) {
    }

    public record Page(List<Row> rows, String nextCursor) {
    }

    // owner's and office's names and the tags as scalar subqueries of the (at most a page of) rows:
    // planned in a quarter of the time of two LEFT JOINs and run as key look-ups (issue #8)
    private static final String NAMES_AND_TAGS = """
            (SELECT e.full_name FROM employee e WHERE e.id = c.owner_id) AS owner_name,
            (SELECT o.name FROM office o WHERE o.id = c.office_id) AS office_name,
            (SELECT STRING_AGG(t.tag, ',') FROM customer_tag t WHERE t.customer_id = c.id) AS tags""";
    private static final String COLUMNS_SQL = """
            SELECT c.id, c.name, c.uscc, c.customer_type, c.category, c.stage, c.grade, c.industry, c.region, c.phone,
                   c.owner_id, c.office_id, c.updated_at, c.deleted_at, c.version,
            """ + NAMES_AND_TAGS + "\n";
    private static final String SELECT = COLUMNS_SQL + "FROM customer c WHERE ";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"),
            CustomerType.valueOf(rs.getString("customer_type")), Category.valueOf(rs.getString("category")),
            Stage.valueOf(rs.getString("stage")), rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade").trim()),
            rs.getString("industry"), rs.getString("region"), rs.getString("phone"), rs.getObject("owner_id", Long.class),
            rs.getString("owner_name"), rs.getObject("office_id", Long.class), rs.getString("office_name"),
            rs.getString("tags") == null ? List.of() : Arrays.stream(rs.getString("tags").split(",")).sorted().toList(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("deleted_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
            rs.getLong("version"));

    /** Beyond this many owners, offices… in a scope a list filters by the OR instead of merging their newest rows. */
    private static final int MAX_BRANCHES = 16;

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(DataScope scope, Filter f, KeysetCursor after, int size) {
        return page(scope, f, Sort.NEWEST, after, size);
    }

    public Page page(DataScope scope, Filter f, Sort sort, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        // The page's rows are chosen first (inner query, LIMIT) and only they are joined to their
        // owner, office and tags (issue #8: a search matching 10,000 customers joined 10,000 names).
        StringBuilder sql = new StringBuilder(COLUMNS_SQL).append("FROM (SELECT c.* FROM ");
        List<Object> params = new ArrayList<>();
        // One character, newest first: the matching ids come off the gram index newest first and
        // each is checked until the page is full, instead of reading every match's row and sorting.
        String oneChar = sort == Sort.NEWEST ? singleCharacter(f.q()) : null;
        if (oneChar != null) {
            sql.append("(SELECT DISTINCT g.customer_id FROM customer_name_gram g WHERE g.gram >= ? AND g.gram < ?");
            params.add(oneChar);
            params.add(oneChar + '\uffff');
            if (after != null) {
                sql.append(" AND g.customer_id < ?");
                params.add(after.id());
            }
            sql.append(" ORDER BY g.customer_id DESC) m JOIN customer c ON c.id = m.customer_id WHERE ");
        } else {
            sql.append("customer c WHERE ");
        }
        String deleted = f.deleted() ? " AND c.deleted_at IS NOT NULL" : " AND c.deleted_at IS NULL";
        boolean plain = plain(f);
        List<DataScope.Predicate> branches = sort == Sort.NEWEST && plain ? scope.branches(COLUMNS) : List.of();
        if (branches.size() > 1 && branches.size() <= MAX_BRANCHES) {
            // a scope of several owners/offices, newest first: each one's newest rows come off its
            // own (owner_id, id) or (office_id, id) index and the union is the candidates; an OR
            // made PostgreSQL scan all customers newest first for the few that match (a director:
            // 1.1 ms a call at 1M, issue #8)
            sql.append("c.id IN (");
            for (int i = 0; i < branches.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ").append("(SELECT c.id FROM customer c WHERE ").append(branches.get(i).sql())
                        .append(deleted);
                params.addAll(branches.get(i).params());
                if (after != null) {
                    sql.append(" AND c.id < ?");
                    params.add(after.id());
                }
                sql.append(" ORDER BY c.id DESC LIMIT ").append(limit + 1).append(')');
            }
            sql.append(')');
        } else {
            DataScope.Predicate p = scope.predicate(COLUMNS);
            sql.append(p.sql());
            params.addAll(p.params());
        }
        sql.append(deleted);
        if (after != null && sort == Sort.NAME) {
            sql.append(" AND (c.name > ? OR (c.name = ? AND c.id > ?))");
            params.add(after.sortValue());
            params.add(after.sortValue());
            params.add(after.id());
        } else if (after != null) {
            sql.append(" AND c.id < ?");
            params.add(after.id());
        }
        if (oneChar == null) {
            nameCondition(f.q(), sql, params);
        }
        if (f.pool()) {
            sql.append(" AND c.owner_id IS NULL");
        }
        eq(sql, params, "c.owner_id", f.ownerId());
        eq(sql, params, "c.office_id", f.officeId());
        eq(sql, params, "c.category", f.category() == null ? null : f.category().name());
        eq(sql, params, "c.grade", f.grade() == null ? null : f.grade().name());
        eq(sql, params, "c.customer_type", f.type() == null ? null : f.type().name());
        eq(sql, params, "c.stage", f.stage() == null ? null : f.stage().name());
        eq(sql, params, "c.industry", blankToNull(f.industry()));
        eq(sql, params, "c.region", blankToNull(f.region()));
        if (blankToNull(f.tag()) != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM customer_tag ft WHERE ft.customer_id = c.id AND ft.tag = ?)");
            params.add(f.tag().trim());
        }
        segmentCondition(f.segment(), sql, params);
        sql.append(sort == Sort.NAME ? " ORDER BY c.name, c.id LIMIT " : oneChar != null ? " ORDER BY m.customer_id DESC LIMIT "
                : " ORDER BY c.id DESC LIMIT ");
        // The plain list (scope, bin, cursor and order only) takes its limit as text: PostgreSQL
        // plans a bound LIMIT for 10 % of the table, so it re-planned the list on every call
        // (0.6 ms, issue #8); with the number in the text the cached plan is the same as a fresh
        // one and is used. A filtered list keeps it bound: its best plan depends on the value
        // (a rare grade wants its index, a common one the newest-first scan), so it is planned
        // for each call's values.
        if (plain) {
            sql.append(limit + 1);
        } else {
            sql.append('?');
            params.add(limit + 1);
        }
        sql.append(") c").append(sort == Sort.NAME ? " ORDER BY c.name, c.id" : " ORDER BY c.id DESC");
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(ROW).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = new KeysetCursor(sort == Sort.NAME ? last.name() : "", last.id()).encode();
        }
        return new Page(rows, next);
    }

    /** Whether the filter asks for nothing but the scope's customers (or the bin). */
    private static boolean plain(Filter f) {
        return blankToNull(f.q()) == null && f.ownerId() == null && f.officeId() == null && f.category() == null
                && f.grade() == null && f.type() == null && blankToNull(f.industry()) == null && blankToNull(f.region()) == null
                && f.stage() == null && blankToNull(f.tag()) == null && !f.pool() && blankToNull(f.segment()) == null;
    }

    /** Every row of the list, page by page (exports). */
    public void forEach(DataScope scope, Filter f, Consumer<Row> action) {
        KeysetCursor cursor = null;
        do {
            Page page = page(scope, f, cursor, MAX_PAGE);
            page.rows().forEach(action);
            cursor = KeysetCursor.decode(page.nextCursor());
        } while (cursor != null);
    }

    /** A customer inside the scope (in the bin too when {@code includeDeleted}); empty otherwise. */
    public Optional<Row> find(DataScope scope, long id, boolean includeDeleted) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        String sql = SELECT + "c.id = ? AND " + p.sql() + (includeDeleted ? "" : " AND c.deleted_at IS NULL");
        return jdbc.sql(sql).param(id).params(p.params()).query(ROW).optional();
    }

    /** A customer's list row and whole record, read together. */
    public record Detail(Row row, Customer customer) {
    }

    /**
     * A customer inside the scope, not in the bin, with its whole record: the detail's one
     * statement (issue #8: the row and then the entity through Hibernate were two round trips and
     * a persistence context on a third of the mixed workload's calls).
     */
    Optional<Detail> detail(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        String sql = "SELECT c.*, " + NAMES_AND_TAGS + " FROM customer c WHERE c.id = ? AND " + p.sql() + " AND c.deleted_at IS NULL";
        return jdbc.sql(sql).param(id).params(p.params()).query((rs, n) -> new Detail(ROW.mapRow(rs, n), Customer.read(rs))).optional();
    }

    /** The one character a name query searches for, or null when it is not a one-character name query. */
    static String singleCharacter(String q) {
        if (q == null || q.isBlank() || isUscc(Uscc.normalise(q))) {
            return null;
        }
        int[] cps = CustomerNames.key(q).codePoints().toArray();
        return cps.length == 1 ? new String(Character.toChars(cps[0])) : null;
    }

    private static boolean isUscc(String compact) {
        return compact.length() == 18 && compact.chars().allMatch(Character::isLetterOrDigit) && compact.chars().anyMatch(Character::isDigit);
    }

    static void nameCondition(String q, StringBuilder sql, List<Object> params) {
        if (q == null || q.isBlank()) {
            return;
        }
        String compact = Uscc.normalise(q);
        if (isUscc(compact)) {
            sql.append(" AND c.uscc = ?");
            params.add(compact);
            return;
        }
        String key = CustomerNames.key(q);
        int[] cps = key.codePoints().toArray();
        if (cps.length == 0) {
            return;
        }
        if (cps.length == 1) {
            String ch = new String(Character.toChars(cps[0]));
            sql.append(" AND EXISTS (SELECT 1 FROM customer_name_gram g WHERE g.customer_id = c.id AND g.gram >= ? AND g.gram < ?)");
            params.add(ch);
            params.add(ch + '\uffff');
            return;
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            String gram = new String(Character.toChars(cps[i])) + new String(Character.toChars(cps[i + 1]));
            sql.append(" AND EXISTS (SELECT 1 FROM customer_name_gram g WHERE g.customer_id = c.id AND g.gram = ?)");
            params.add(gram);
        }
        if (cps.length > 2) {
            sql.append(" AND c.name_key LIKE ?");
            params.add("%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    /** {@code SET:CODE}: members of that segment (index customer_segment (set_code, segment_code, customer_id)). */
    static void segmentCondition(String segment, StringBuilder sql, List<Object> params) {
        String s = blankToNull(segment);
        if (s == null) {
            return;
        }
        int colon = s.indexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw DomainException.invalid("segment", "customers.filter.segment.invalid", s);
        }
        sql.append(" AND EXISTS (SELECT 1 FROM customer_segment cs WHERE cs.customer_id = c.id AND cs.set_code = ? AND cs.segment_code = ?)");
        params.add(s.substring(0, colon).strip().toUpperCase(java.util.Locale.ROOT));
        params.add(s.substring(colon + 1).strip().toUpperCase(java.util.Locale.ROOT));
    }

    private static void eq(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
