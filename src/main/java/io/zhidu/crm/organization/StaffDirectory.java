package io.zhidu.crm.organization;

import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The list of staff, filtered, keyset-paginated by id and restricted to the caller's data scope
 * inside the query (a salesperson sees themself, a director the office, managers everyone).
 * Names of office, department and supervisor come from joins, not per-row look-ups.
 */
@Component
public class StaffDirectory {

    static final DataScope.Columns COLUMNS = new DataScope.Columns("e.id", "e.office_id", "e.department_id", "e.company_id");
    public static final int MAX_PAGE = 200;

    public record Filter(String q, Long officeId, Long departmentId, Role role, Boolean active) {
        /** Every active member of staff (pickers of owners and supervisors). */
        public static Filter activeStaff() {
            return new Filter(null, null, null, null, true);
        }
    }

    public record Row(long id, String username, String fullName, String email, String phone,
                      Long officeId, String officeName, long departmentId, String departmentName,
                      Long supervisorId, String supervisorName, boolean active, Set<Role> roles, long version) {
    }

    /** The orders the list offers; each is completed by the id, which makes it total. */
    public enum SortKey {
        ID(null), USERNAME("e.username"), FULL_NAME("e.full_name");

        private final String column;

        SortKey(String column) {
            this.column = column;
        }

        String valueOf(Row row) {
            return switch (this) {
                case ID -> "";
                case USERNAME -> row.username();
                case FULL_NAME -> row.fullName();
            };
        }
    }

    public record Sort(SortKey key, boolean descending) {
        public static final Sort DEFAULT = new Sort(SortKey.ID, false);

        /** From request parameters ({@code sort=username|fullName|id}, {@code dir=asc|desc}); unknown values fall back to the default. */
        public static Sort of(String sort, String dir) {
            SortKey key = switch (sort == null ? "" : sort) {
                case "username" -> SortKey.USERNAME;
                case "fullName" -> SortKey.FULL_NAME;
                default -> SortKey.ID;
            };
            return new Sort(key, "desc".equalsIgnoreCase(dir));
        }

        public String param() {
            return switch (key) {
                case ID -> "id";
                case USERNAME -> "username";
                case FULL_NAME -> "fullName";
            };
        }
    }

    /** One page; {@code nextCursor} continues after its last row, null on the last page. */
    public record Page(List<Row> rows, String nextCursor) {
    }

    private static final String SELECT = """
            SELECT e.id, e.username, e.full_name, e.email, e.phone, e.office_id, o.name AS office_name,
                   e.department_id, d.name AS department_name, e.supervisor_id, s.full_name AS supervisor_name,
                   e.active, e.version,
                   (SELECT STRING_AGG(r.role, ',') FROM employee_role r WHERE r.employee_id = e.id) AS roles
            FROM employee e
            JOIN department d ON d.id = e.department_id
            LEFT JOIN office o ON o.id = e.office_id
            LEFT JOIN employee s ON s.id = e.supervisor_id
            WHERE\s""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getLong("id"), rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
            rs.getString("phone"), rs.getObject("office_id", Long.class), rs.getString("office_name"),
            rs.getLong("department_id"), rs.getString("department_name"),
            rs.getObject("supervisor_id", Long.class), rs.getString("supervisor_name"),
            rs.getBoolean("active"), roles(rs.getString("roles")), rs.getLong("version"));

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(DataScope scope, Filter filter, Sort sort, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        DataScope.Predicate p = scope.predicate(COLUMNS);
        sql.append(p.sql());
        params.addAll(p.params());
        if (after != null) {
            String cmp = sort.descending() ? "<" : ">";
            if (sort.key() == SortKey.ID) {
                sql.append(" AND e.id ").append(cmp).append(" ?");
                params.add(after.id());
            } else {
                String col = sort.key().column;
                sql.append(" AND (").append(col).append(' ').append(cmp).append(" ? OR (").append(col)
                        .append(" = ? AND e.id ").append(cmp).append(" ?))");
                params.add(after.sortValue());
                params.add(after.sortValue());
                params.add(after.id());
            }
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" AND (LOWER(e.username) LIKE ? OR e.full_name LIKE ?)");
            String like = "%" + escapeLike(filter.q().trim()) + "%";
            params.add(like.toLowerCase(Locale.ROOT));
            params.add(like);
        }
        if (filter.officeId() != null) {
            sql.append(" AND e.office_id = ?");
            params.add(filter.officeId());
        }
        if (filter.departmentId() != null) {
            sql.append(" AND e.department_id = ?");
            params.add(filter.departmentId());
        }
        if (filter.role() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM employee_role fr WHERE fr.employee_id = e.id AND fr.role = ?)");
            params.add(filter.role().name());
        }
        if (filter.active() != null) {
            sql.append(" AND e.active = ?");
            params.add(filter.active());
        }
        String dir = sort.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ");
        if (sort.key() != SortKey.ID) {
            sql.append(sort.key().column).append(dir).append(", ");
        }
        sql.append("e.id").append(dir).append(" LIMIT ?");
        params.add(limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(ROW).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = new KeysetCursor(sort.key().valueOf(last), last.id()).encode();
        }
        return new Page(rows, next);
    }

    /** Every row of the filtered, scoped list in order, page by page (for exports). */
    public void forEach(DataScope scope, Filter filter, Sort sort, java.util.function.Consumer<Row> action) {
        KeysetCursor cursor = null;
        do {
            Page page = page(scope, filter, sort, cursor, MAX_PAGE);
            page.rows().forEach(action);
            cursor = KeysetCursor.decode(page.nextCursor());
        } while (cursor != null);
    }

    /** One member of staff, or empty when absent or outside the scope. */
    public Optional<Row> find(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        return jdbc.sql(SELECT + "e.id = ? AND " + p.sql()).param(id).params(p.params()).query(ROW).optional();
    }

    /** An office as a list filter offers it. */
    public record OfficeOption(long id, String name) {
    }

    /** The offices whose staff the scope covers (for office filters); all offices for a full scope. */
    public List<OfficeOption> officesInScope(DataScope scope) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        return jdbc.sql("SELECT DISTINCT o.id, o.name FROM office o JOIN employee e ON e.office_id = o.id WHERE "
                        + p.sql() + " ORDER BY o.id")
                .params(p.params())
                .query((rs, n) -> new OfficeOption(rs.getLong(1), rs.getString(2))).list();
    }

    /** The links whose person is inside the scope, in their order (one query). */
    public List<ReportingLine.Link> visible(DataScope scope, List<ReportingLine.Link> links) {
        if (links.isEmpty() || scope.all()) {
            return links;
        }
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(links.stream().map(l -> (Object) l.id()).toList());
        params.addAll(p.params());
        Set<Long> visible = new java.util.HashSet<>(jdbc.sql("SELECT e.id FROM employee e WHERE e.id IN ("
                        + String.join(", ", java.util.Collections.nCopies(links.size(), "?")) + ") AND " + p.sql())
                .params(params).query(Long.class).list());
        return links.stream().filter(l -> visible.contains(l.id())).toList();
    }

    private static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (csv != null) {
            for (String r : csv.split(",")) {
                roles.add(Role.valueOf(r.trim()));
            }
        }
        return roles;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
