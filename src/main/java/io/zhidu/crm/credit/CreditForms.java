package io.zhidu.crm.credit;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.shared.pdf.PdfForms;
import io.zhidu.crm.shared.web.Formats;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 客户信用管理卡 (form 6 of 6.2.4-3(4)): the customer, its credit in force, the exposure and overdue
 * figures as of the printing day, and the credit history with each change's approval.
 */
@Component
class CreditForms {

    private final PdfForms pdf;
    private final Clock clock;
    private final Formats formats;

    CreditForms(PdfForms pdf, Clock clock, Formats formats) {
        this.pdf = pdf;
        this.clock = clock;
        this.formats = formats;
    }

    byte[] card(CustomerSearch.Row customer, CreditPosition position, List<CreditChange> history, String printedBy, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("customer", customer);
        model.put("position", position);
        model.put("history", history);
        model.put("printedBy", printedBy);
        model.put("fmt", formats);
        model.put("printedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(clock.getZone())));
        return pdf.render("credit-card", model, locale);
    }
}
