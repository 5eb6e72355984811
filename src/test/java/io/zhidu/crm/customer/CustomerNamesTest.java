package io.zhidu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerNamesTest {

    @Test
    void widthCaseSpacesAndPunctuationAreFolded() {
        assertThat(CustomerNames.key("深圳 华为（技术）有限公司")).isEqualTo(CustomerNames.key("深圳华为技术有限公司"));
        assertThat(CustomerNames.key("ＡＢＣ　Ｔｒａｄｉｎｇ Co., Ltd.")).isEqualTo(CustomerNames.key("abc trading co ltd"));
    }

    @Test
    void differentLegalFormsStayDifferent() {
        assertThat(CustomerNames.key("上海恒信机械有限公司")).isNotEqualTo(CustomerNames.key("上海恒信机械有限责任公司"));
    }

    @Test
    void gramsCoverEveryPairAndTheLastCharacter() {
        assertThat(CustomerNames.grams("华为科技")).containsExactly("华为", "为科", "科技", "技" + CustomerNames.END);
        assertThat(CustomerNames.grams("A")).containsExactly("a" + CustomerNames.END);
        assertThat(CustomerNames.grams("（）")).isEmpty();
    }

    @Test
    void maskedPhonesKeepOnlyTheEnds() {
        assertThat(CustomerContacts.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(CustomerContacts.maskPhone("021-6234 5678")).isEqualTo("021****5678");
        assertThat(CustomerContacts.maskPhone("1234")).isEqualTo("**34");
        assertThat(CustomerContacts.maskPhone(null)).isNull();
    }
}
