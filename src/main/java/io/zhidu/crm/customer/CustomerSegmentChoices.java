package io.zhidu.crm.customer;

import java.util.List;
import java.util.Locale;

/**
 * The segments the customer list may filter by ({@code segment=SET:CODE}), offered by the module
 * that keeps them (segment) as a bean; none when no module does.
 */
public interface CustomerSegmentChoices {

    /** @param value the filter value {@code SET:CODE}; @param label e.g. {@code 客户四类 · 重要客户} */
    record Choice(String value, String label) {
    }

    List<Choice> choices(Locale locale);
}
