package io.zhidu.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.organization.Role;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReviewFlagTest {

    private static ReviewFlag flag(Role reviewer) {
        return new ReviewFlag("X", "k", List.of(), null, "6.2.4-4(1)", reviewer);
    }

    @Test
    void theMostSeniorReviewerWinsWhateverTheOrder() {
        assertThat(ReviewFlag.senior(Role.BUSINESS_MANAGER, Role.VP)).isEqualTo(Role.VP);
        assertThat(ReviewFlag.senior(Role.VP, Role.BUSINESS_MANAGER)).isEqualTo(Role.VP);
        assertThat(ReviewFlag.senior(Role.VP, Role.GM)).isEqualTo(Role.GM);
        assertThat(ReviewFlag.senior(Role.GM, Role.BUSINESS_MANAGER)).isEqualTo(Role.GM);
        assertThat(Stream.of(flag(Role.VP), flag(Role.GM)).map(ReviewFlag::reviewer)
                .reduce(Role.BUSINESS_MANAGER, ReviewFlag::senior)).isEqualTo(Role.GM);
        assertThat(Stream.<ReviewFlag>empty().map(ReviewFlag::reviewer)
                .reduce(Role.BUSINESS_MANAGER, ReviewFlag::senior)).isEqualTo(Role.BUSINESS_MANAGER);
    }

    @Test
    void argumentsAreCopied() {
        List<String> args = new java.util.ArrayList<>(List.of("a"));
        ReviewFlag f = new ReviewFlag("X", "k", args, null, "c", Role.VP);
        args.add("b");
        assertThat(f.args()).containsExactly("a");
    }
}
