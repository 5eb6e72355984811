package io.zhidu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsccTest {

    @ParameterizedTest
    @CsvSource({"914403001922038216", "91110108551385082Q", "91350100M000100Y43"})
    void realCodesAreValid(String code) {
        assertThat(Uscc.check(code)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4, LENGTH",
            "91350100M000100Y433, LENGTH",
            "91350100M000I00Y43, CHARACTER",
            "91350100M000100Y4O, CHARACTER",
            "91350100M000100Y44, CHECK_DIGIT",
            "914403001922038217, CHECK_DIGIT"})
    void brokenCodesSayWhy(String code, Uscc.Problem problem) {
        assertThat(Uscc.check(code)).isEqualTo(problem);
    }

    @Test
    void theEmbeddedOrganisationCodeIsCheckedToo() {
        // organisation code 19220382 with a wrong check character '7' (right: '1'),
        // and the USCC check character recomputed so that only the organisation code is wrong
        String first17 = "9144030019220382" + "7";
        String code = first17 + Uscc.checkCharacter(first17);
        assertThat(Uscc.check(code)).isEqualTo(Uscc.Problem.ORGANISATION_CODE);
    }

    @Test
    void normalisingFoldsCaseAndSpaces() {
        assertThat(Uscc.normalise(" 9111 0108 5513 8508 2q ")).isEqualTo("91110108551385082Q");
        assertThat(Uscc.check(Uscc.normalise("91110108551385082q"))).isNull();
    }

    @Test
    void generatedCodesAreValid() {
        String body = "MA1K2P3Q";
        String first17 = "91310000" + body + Uscc.organisationCheckCharacter(body);
        assertThat(Uscc.check(first17 + Uscc.checkCharacter(first17))).isNull();
    }
}
