package io.zhidu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list's parameters read without the data binder only when the binder would read them the same (issue #8). */
class ListParamsResolverTest {

    @Test
    void wellFormedParametersAreReadDirectly() {
        CustomerSearch.Params p = ListParamsResolver.direct(Map.of("q", new String[]{"金桥"}, "grade", new String[]{" A "},
                "category", new String[]{"KEY_ACCOUNT"}, "ownerId", new String[]{"42"}, "industry", new String[]{""},
                "size", new String[]{"20", "30"}));
        assertThat(p).isEqualTo(new CustomerSearch.Params("金桥", Category.KEY_ACCOUNT, Grade.A, null, null, "", null, null, 42L, null,
                null, null));
        assertThat(ListParamsResolver.direct(Map.of("type", new String[]{" "}))).isEqualTo(
                new CustomerSearch.Params(null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void anythingTheBinderWouldReadDifferentlyOrRefuseIsLeftToIt() {
        assertThat(ListParamsResolver.direct(Map.of("grade", new String[]{"Z"}))).isNull();
        assertThat(ListParamsResolver.direct(Map.of("grade", new String[]{"a"}))).isNull();
        assertThat(ListParamsResolver.direct(Map.of("ownerId", new String[]{"0x10"}))).isNull();
        assertThat(ListParamsResolver.direct(Map.of("ownerId", new String[]{"-1"}))).isNull();
        assertThat(ListParamsResolver.direct(Map.of("officeId", new String[]{"99999999999999999999"}))).isNull();
        assertThat(ListParamsResolver.direct(Map.of("q", new String[]{"a", "b"}))).isNull();
        assertThat(ListParamsResolver.direct(Map.of("!grade", new String[]{"A"}))).isNull();
        assertThat(ListParamsResolver.direct(Map.of("_tag", new String[]{""}))).isNull();
    }
}
