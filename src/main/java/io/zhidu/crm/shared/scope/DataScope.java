package io.zhidu.crm.shared.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What part of the business data one user may see (数据权限): everything, or the rows owned by
 * the given users, belonging to the given offices, departments or companies. Resolved once per
 * request from the user's roles and explicit grants, and applied INSIDE queries through
 * {@link #predicate(Columns)} so that lists, searches, exports and look-ups by id all obey it.
 *
 * <p>An empty scope (no ids, not {@code all}) matches nothing.
 */
public record DataScope(long userId, boolean all, Set<Long> ownerIds, Set<Long> officeIds,
                        Set<Long> departmentIds, Set<Long> companyIds) {

    public DataScope {
        ownerIds = Set.copyOf(ownerIds);
        officeIds = Set.copyOf(officeIds);
        departmentIds = Set.copyOf(departmentIds);
        companyIds = Set.copyOf(companyIds);
    }

    public static DataScope everything(long userId) {
        return new DataScope(userId, true, Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static DataScope ownOnly(long userId) {
        return new DataScope(userId, false, Set.of(userId), Set.of(), Set.of(), Set.of());
    }

    /** The columns a scoped table carries; a null column means the table has no such dimension. */
    public record Columns(String owner, String office, String department, String company) {
    }

    /** A SQL boolean expression with positional parameters, to AND into a WHERE clause. */
    public record Predicate(String sql, List<Object> params) {
    }

    /** True when a row with these owner/office/department/company ids is inside the scope. */
    public boolean covers(Long ownerId, Long officeId, Long departmentId, Long companyId) {
        return all
                || (ownerId != null && ownerIds.contains(ownerId))
                || (officeId != null && officeIds.contains(officeId))
                || (departmentId != null && departmentIds.contains(departmentId))
                || (companyId != null && companyIds.contains(companyId));
    }

    /**
     * The scope as an indexed predicate over the given columns, e.g.
     * {@code (c.owner_id IN (?) OR c.office_id IN (?, ?))}. Never returns an empty string:
     * the full scope is {@code 1=1}, the empty scope {@code 1=0}.
     */
    public Predicate predicate(Columns columns) {
        if (all) {
            return new Predicate("1=1", List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        add(parts, params, columns.owner(), ownerIds);
        add(parts, params, columns.office(), officeIds);
        add(parts, params, columns.department(), departmentIds);
        add(parts, params, columns.company(), companyIds);
        if (parts.isEmpty()) {
            return new Predicate("1=0", List.of());
        }
        return new Predicate("(" + String.join(" OR ", parts) + ")", List.copyOf(params));
    }

    /**
     * The scope as one equality per dimension and id, e.g. {@code c.owner_id = ?} and
     * {@code c.office_id = ?}, whose union is {@link #predicate}'s rows: a list can take each one's
     * newest rows from its own index and merge them, instead of scanning everything newest first
     * for the few rows that match the OR (issue #8). Empty for the full scope and the empty one.
     */
    public List<Predicate> branches(Columns columns) {
        List<Predicate> branches = new ArrayList<>();
        if (!all) {
            branch(branches, columns.owner(), ownerIds);
            branch(branches, columns.office(), officeIds);
            branch(branches, columns.department(), departmentIds);
            branch(branches, columns.company(), companyIds);
        }
        return branches;
    }

    private static void branch(List<Predicate> branches, String column, Set<Long> ids) {
        if (column != null) {
            ids.stream().sorted().forEach(id -> branches.add(new Predicate(column + " = ?", List.of(id))));
        }
    }

    private static void add(List<String> parts, List<Object> params, String column, Set<Long> ids) {
        if (column == null || ids.isEmpty()) {
            return;
        }
        List<Long> sorted = ids.stream().sorted().toList();
        if (sorted.size() == 1) {
            parts.add(column + " = ?");
        } else {
            parts.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(sorted.size(), "?")) + ")");
        }
        params.addAll(sorted);
    }
}
