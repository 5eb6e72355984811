package io.zhidu.crm.credit;

import io.zhidu.crm.credit.CreditReviewRule.Reason;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.pdf.PdfForms;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Formats;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit forms of the review: 客户升(降)级评审表 (form 11, 6.2.4-5(3)) per proposal as PDF and a
 * round's proposals as Excel; 客户信用等级分类表 (form 7, 6.2.4-3(4)): every rated customer inside
 * the caller's scope grouped by rating, best first (customer, office, limit, terms, valid until,
 * exposure today), as PDF and Excel. Lists are read in keyset pages.
 */
@Component
class CreditReviewForms {

    static final int SLICE = 500;

    /** A rated customer with its exposure today. */
    record ClassRow(CreditReviewRecords.Rated rated, BigDecimal exposure) {
    }

    /** The customers of one rating with their total limit and exposure. */
    record RatingGroup(String rating, List<ClassRow> rows, BigDecimal limit, BigDecimal exposure) {
    }

    private final CreditReviewRecords records;
    private final CreditPositions positions;
    private final PdfForms pdf;
    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;

    CreditReviewForms(CreditReviewRecords records, CreditPositions positions, PdfForms pdf, MessageSource messages, Formats formats,
                      Clock clock) {
        this.records = records;
        this.positions = positions;
        this.pdf = pdf;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    /** 客户升(降)级评审表 of one proposal. */
    byte[] reviewForm(CreditReview review, ReviewProposal proposal, String printedBy, Locale locale) {
        Map<String, Object> model = model(printedBy);
        model.put("review", review);
        model.put("p", proposal);
        model.put("reasons", reasons(proposal, locale));
        return pdf.render("credit-review-form", model, locale);
    }

    /** The reasons of a proposal as sentences in the language. */
    List<String> reasons(ReviewProposal p, Locale locale) {
        List<String> out = new ArrayList<>();
        for (Reason r : p.reasons()) {
            out.add(messages.getMessage(r.labelKey(), p.reasonArgs(r), locale));
        }
        return out;
    }

    /** A round's proposals inside the scope as Excel. */
    @Transactional(readOnly = true)
    void reviewList(DataScope scope, CreditReview review, Locale locale, OutputStream out) throws IOException {
        List<String> headers = new ArrayList<>();
        for (String k : List.of("creditreview.col.customer", "creditreview.col.office", "creditreview.col.current",
                "creditreview.col.currentLimit", "creditreview.col.computed", "creditreview.col.final", "creditreview.col.finalLimit",
                "creditreview.col.finalTerms", "creditreview.direction", "creditreview.col.score", "creditreview.col.overdueDays",
                "creditreview.col.years", "creditreview.col.limitUse", "creditreview.col.growth", "creditreview.col.reasons",
                "creditreview.reviewState", "creditreview.col.note", "creditreview.col.status")) {
            headers.add(msg(k, locale));
        }
        try (XlsxExport x = new XlsxExport(msg("creditreview.form.title", locale) + " " + review.period(), headers)) {
            long after = 0;
            List<ReviewProposal> page;
            while (!(page = records.proposals(scope, review.id(), null, null, null, after, SLICE)).isEmpty()) {
                for (ReviewProposal p : page) {
                    x.row(p.customerName(), p.officeName(), p.current().rating(), p.current().limit(), p.computedRating(),
                            p.proposed().rating(), p.proposed().limit(),
                            msg(p.proposed().form().labelKey(), locale) + " " + p.proposed().days(), msg(p.direction().labelKey(), locale),
                            p.score().total(), p.overdueDays(), p.years(), p.limitUse(), p.growth(),
                            String.join("；", reasons(p, locale)), msg(p.review().labelKey(), locale), p.note(),
                            msg(p.status().labelKey(), locale));
                }
                after = page.get(page.size() - 1).customerId();
            }
            x.writeTo(out);
        }
    }

    /** 客户信用等级分类表 as PDF. */
    @Transactional(readOnly = true)
    byte[] classesPdf(DataScope scope, String printedBy, Locale locale) {
        List<RatingGroup> groups = new ArrayList<>();
        for (String rating : CreditStandard.RATINGS) {
            List<ClassRow> rows = new ArrayList<>();
            rated(scope, rating, rows::add);
            if (!rows.isEmpty()) {
                groups.add(new RatingGroup(rating, rows, rows.stream().map(r -> r.rated().terms().limit()).reduce(BigDecimal.ZERO, BigDecimal::add),
                        rows.stream().map(ClassRow::exposure).reduce(BigDecimal.ZERO, BigDecimal::add)));
            }
        }
        Map<String, Object> model = model(printedBy);
        model.put("groups", groups);
        return pdf.render("credit-classes", model, locale);
    }

    /** 客户信用等级分类表 as Excel, one row per customer, best rating first. */
    @Transactional(readOnly = true)
    void classesXlsx(DataScope scope, Locale locale, OutputStream out) throws IOException {
        List<String> headers = new ArrayList<>();
        for (String k : List.of("credit.rating", "creditreview.col.customer", "creditreview.col.office", "creditreview.col.owner",
                "credit.limit", "credit.form", "credit.termsDays", "credit.validUntilLabel", "credit.holdLabel", "credit.exposure")) {
            headers.add(msg(k, locale));
        }
        try (XlsxExport x = new XlsxExport(msg("creditreview.classes.title", locale), headers)) {
            for (String rating : CreditStandard.RATINGS) {
                rated(scope, rating, r -> {
                    CreditTerms t = r.rated().terms();
                    x.row(t.rating(), r.rated().name(), r.rated().officeName(), r.rated().ownerName(), t.limit(),
                            msg(t.form().labelKey(), locale), t.days(), t.validUntil(),
                            msg(t.onHold() ? "credit.onHold" : "credit.notOnHold", locale), r.exposure());
                });
            }
            x.writeTo(out);
        }
    }

    private void rated(DataScope scope, String rating, Consumer<ClassRow> action) {
        long after = 0;
        List<CreditReviewRecords.Rated> page;
        while (!(page = records.rated(scope, rating, after, SLICE)).isEmpty()) {
            Map<Long, CreditPosition> exposure = positions.of(page.stream().map(CreditReviewRecords.Rated::customerId).toList());
            for (CreditReviewRecords.Rated r : page) {
                action.accept(new ClassRow(r, exposure.get(r.customerId()).exposure()));
            }
            after = page.get(page.size() - 1).customerId();
        }
    }

    private Map<String, Object> model(String printedBy) {
        Map<String, Object> model = new HashMap<>();
        model.put("printedBy", printedBy);
        model.put("fmt", formats);
        model.put("printedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(clock.getZone())));
        return model;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
