package io.zhidu.crm.approval;

import io.zhidu.crm.organization.Role;
import java.util.List;
import java.util.Objects;

/**
 * Who decides a request, step by step. The steps are resolved once, at submission, and stored
 * with the request.
 */
public sealed interface Route {

    /**
     * Fixed roles in order (e.g. VP then GM). Each step is decided by any one active member of
     * staff holding the role, the requester excepted; a role nobody else holds refuses the
     * submission.
     */
    record Roles(List<Role> steps) implements Route {
        public Roles {
            Objects.requireNonNull(steps, "steps");
            if (steps.isEmpty() || steps.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("a route needs at least one step and no empty one");
            }
            steps = List.copyOf(steps);
        }

        public static Roles of(Role... steps) {
            return new Roles(List.of(steps));
        }
    }

    /**
     * The requester's supervisors in turn (the reporting line), ending with the first one who
     * holds {@code upTo}; each step is decided by that one person. Supervisors who have left are
     * passed over. No such supervisor on the line refuses the submission.
     */
    record ReportingLine(Role upTo) implements Route {
        public ReportingLine {
            Objects.requireNonNull(upTo, "upTo");
        }
    }
}
