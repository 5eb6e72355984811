package io.zhidu.crm.organization;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queries over the reporting line (supervisor relation). Recursive SQL, the same on H2 and
 * PostgreSQL; depth is bounded so that a corrupted line can never loop.
 */
@Component
public class ReportingLine {

    static final int MAX_DEPTH = 64;

    /** A person on the line, with their distance from the starting person. */
    public record Link(long id, String username, String fullName, int depth) {
    }

    private final JdbcClient jdbc;

    ReportingLine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain above a person: supervisor first, up to the top (the GM), the person excluded. */
    public List<Link> chainUp(long employeeId) {
        return jdbc.sql("""
                WITH RECURSIVE chain (id, supervisor_id, depth) AS (
                    SELECT id, supervisor_id, 0 FROM employee WHERE id = ?
                    UNION ALL
                    SELECT e.id, e.supervisor_id, c.depth + 1
                    FROM employee e JOIN chain c ON e.id = c.supervisor_id
                    WHERE c.depth < ?
                )
                SELECT e.id, e.username, e.full_name, c.depth
                FROM chain c JOIN employee e ON e.id = c.id
                WHERE c.depth > 0
                ORDER BY c.depth
                """)
                .param(employeeId).param(MAX_DEPTH)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** Everyone below a person, directly or through others, nearest first. */
    public List<Link> subordinates(long employeeId) {
        return jdbc.sql("""
                WITH RECURSIVE below (id, depth) AS (
                    SELECT id, 1 FROM employee WHERE supervisor_id = ?
                    UNION ALL
                    SELECT e.id, b.depth + 1
                    FROM employee e JOIN below b ON e.supervisor_id = b.id
                    WHERE b.depth < ?
                )
                SELECT e.id, e.username, e.full_name, MIN(b.depth) AS depth
                FROM below b JOIN employee e ON e.id = b.id
                GROUP BY e.id, e.username, e.full_name
                ORDER BY depth, e.id
                """)
                .param(employeeId).param(MAX_DEPTH)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** Would making {@code supervisorId} the supervisor of {@code employeeId} close a loop? */
    public boolean wouldCycle(long employeeId, long supervisorId) {
        if (employeeId == supervisorId) {
            return true;
        }
        return chainUp(supervisorId).stream().anyMatch(l -> l.id() == employeeId);
    }
}
