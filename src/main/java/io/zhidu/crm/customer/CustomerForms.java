package io.zhidu.crm.customer;

import io.zhidu.crm.shared.pdf.PdfForms;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printable forms of 6.2.4-2(1): 客户管理卡 (form 4, the statistician's full card: basic data,
 * characteristics, business status, transaction status — the seed's a–d — and contacts) and
 * 客户概要信息记录表 (form 1, the field record: basic data, characteristics, contacts).
 * Contacts are masked for a reader outside the owning line, as on the screen.
 */
@Component
class CustomerForms {

    /** Which form. */
    enum Form {
        CARD("pdf.card.title"), SUMMARY("pdf.summary.title");

        final String titleKey;

        Form(String titleKey) {
            this.titleKey = titleKey;
        }
    }

    /** One titled block of label/value pairs (two pairs a row). */
    public record Section(String title, List<String[]> rows) {
    }

    private final PdfForms pdf;
    private final MessageSource messages;
    private final Clock clock;

    CustomerForms(PdfForms pdf, MessageSource messages, Clock clock) {
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    byte[] render(Form form, CustomerSearch.Row row, Customer customer, List<CustomerContacts.View> contacts,
                  List<CustomerFinancials.Year> years, String printedBy, Locale locale) {
        Map<String, String> a = customer.snapshot();
        List<Section> sections = new ArrayList<>();
        sections.add(section("pdf.section.basic", locale, a,
                "name", "uscc", "type", "category", "stage", "industry", "region", "phone", "address", "legalRepresentative",
                "foundedOn", "legalForm", "registeredCapital", "scale", "tags"));
        sections.add(section("pdf.section.characteristics", locale, a,
                "serviceArea", "salesCapacity", "potential", "direction", "reputation", "competitors", "attitude"));
        if (form == Form.CARD) {
            sections.add(section("pdf.section.business", locale, a, "businessStatus"));
            sections.add(section("pdf.section.transactions", locale, a, "transactionStatus"));
            List<String[]> rows = new ArrayList<>();
            for (CustomerFinancials.Year y : years) {
                rows.add(new String[]{messages.getMessage("financials.yearLabel", new Object[]{y.year()}, locale),
                        messages.getMessage("financials.summary", new Object[]{money(y.revenue()), money(y.profit()),
                                money(y.totalAssets()), money(y.totalLiabilities()), pct(y.netMarginPercent()),
                                pct(y.debtRatioPercent())}, locale)});
            }
            if (rows.isEmpty()) {
                rows.add(new String[]{messages.getMessage("financials.title", null, locale), "—"});
            }
            sections.add(new Section(messages.getMessage("pdf.section.financials", null, locale), rows));
        }
        Map<String, Object> model = Map.of(
                "title", messages.getMessage(form.titleKey, null, locale),
                "customerId", row.id(),
                "ownerName", row.ownerName() == null ? "—" : row.ownerName(),
                "officeName", row.officeName() == null ? "—" : row.officeName(),
                "printedBy", printedBy,
                "printedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(clock.getZone())),
                "sections", sections,
                "contacts", contacts);
        return pdf.render("customer-card", model, locale);
    }

    private Section section(String titleKey, Locale locale, Map<String, String> a, String... fields) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            if (i + 1 < fields.length) {
                rows.add(new String[]{label(fields[i], locale), value(fields[i], a.get(fields[i]), locale),
                        label(fields[i + 1], locale), value(fields[i + 1], a.get(fields[i + 1]), locale)});
            } else {
                rows.add(new String[]{label(fields[i], locale), value(fields[i], a.get(fields[i]), locale)});
            }
        }
        return new Section(messages.getMessage(titleKey, null, locale), rows);
    }

    private static String money(BigDecimal v) {
        return v == null ? "—" : "¥" + new DecimalFormat("#,##0.00").format(v);
    }

    private static String pct(BigDecimal v) {
        return v == null ? "—" : v.toPlainString() + "%";
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("customer." + field, null, locale);
    }

    private String value(String field, String v, Locale locale) {
        if (v == null || v.isBlank()) {
            return "—";
        }
        return switch (field) {
            case "type", "category", "stage", "scale" -> messages.getMessage("customer." + field + "." + v, null, v, locale);
            case "registeredCapital" -> "¥" + new DecimalFormat("#,##0.00").format(new BigDecimal(v));
            default -> v;
        };
    }
}
