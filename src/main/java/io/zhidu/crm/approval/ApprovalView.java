package io.zhidu.crm.approval;

import io.zhidu.crm.organization.Role;
import java.time.Instant;
import java.util.List;

/**
 * A request as screens and other modules show it: its subject, its state and every step with
 * who may decide it (while open) or who decided it, the decision, the comment and the time.
 *
 * @param currentStep number of the step awaiting a decision, null once closed
 */
public record ApprovalView(long id, String subjectType, long subjectId, String titleKey, List<String> titleArgs,
                           String link, ApprovalStatus status, Person requester, Instant submittedAt,
                           Instant closedAt, String withdrawComment, Integer currentStep, List<Step> steps) {

    public ApprovalView {
        titleArgs = List.copyOf(titleArgs);
        steps = List.copyOf(steps);
    }

    /** A member of staff, by id and name. */
    public record Person(long id, String name) {
    }

    /** Where one step stands. */
    public enum StepState {
        /** Awaiting its decision now. */
        PENDING,
        /** A later step, reached when the ones before it are approved. */
        WAITING,
        APPROVED,
        REJECTED,
        /** The request closed before this step was reached. */
        SKIPPED;

        public String labelKey() {
            return "approval.step." + name();
        }
    }

    /**
     * One step. {@code role} is set for a step any holder of the role decides, null for a step of
     * the reporting line; {@code approvers} are who may decide it (the role's active holders, the
     * requester excepted, or the one supervisor), empty once decided or skipped.
     */
    public record Step(int number, Role role, List<Person> approvers, StepState state, Person decidedBy,
                       Instant decidedAt, String comment) {
        public Step {
            approvers = List.copyOf(approvers);
        }
    }

    public boolean open() {
        return status == ApprovalStatus.PENDING;
    }

    /** The title's arguments as message arguments ({@code #messages.msgWithParams(titleKey, titleArguments)}). */
    public Object[] titleArguments() {
        return titleArgs.toArray();
    }

    /** Is this request waiting for {@code staffId} to decide its current step? */
    public boolean awaits(long staffId) {
        return open() && staffId != requester.id() && steps.stream()
                .anyMatch(s -> s.state() == StepState.PENDING && s.approvers().stream().anyMatch(p -> p.id() == staffId));
    }
}
