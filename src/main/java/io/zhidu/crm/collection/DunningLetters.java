package io.zhidu.crm.collection;

import io.zhidu.crm.receivable.PastDue;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.pdf.PdfForms;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dunning letter (催款函) of a case, in Chinese as it goes to the customer: the receivables
 * open and past due today with contract, installment, due date, days past due and open amount,
 * their total, and the company's name and the date.
 */
@Component
class DunningLetters {

    /** One line of the letter, formatted. */
    record Line(String contractNumber, int installmentNumber, LocalDate dueOn, long daysPastDue, String openAmount) {
    }

    private final CollectionCases cases;
    private final PdfForms pdf;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    DunningLetters(CollectionCases cases, PdfForms pdf, JdbcClient jdbc, BusinessClock clock, ApplicationEventPublisher events) {
        this.cases = cases;
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The letter of a case in the caller's scope, as an inline PDF download; printing it is audited. */
    ResponseEntity<byte[]> print(DataScope scope, long caseId) {
        CollectionCases.Row c = cases.find(scope, caseId).orElseThrow(DomainException::notFound);
        byte[] letter = render(c, cases.receivables(caseId));
        events.publishEvent(new CollectionChanged(CurrentActor.username(), "COLLECTION_LETTER_PRINTED", caseId, null));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename("dunning-letter-" + caseId + ".pdf").build()
                        .toString())
                .body(letter);
    }

    private byte[] render(CollectionCases.Row c, List<PastDue.Line> receivables) {
        LocalDate today = clock.today();
        List<PastDue.Line> due = receivables.stream().filter(l -> l.open() && l.dueOn().isBefore(today)).toList();
        if (due.isEmpty()) {
            throw DomainException.conflict("collection.error.nothingDue");
        }
        String company = jdbc.sql("SELECT name FROM company WHERE id = ?").param(c.companyId()).query(String.class).single();
        BigDecimal total = due.stream().map(PastDue.Line::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Line> lines = due.stream().map(l -> new Line(l.contractNumber(), l.installmentNumber(), l.dueOn(),
                today.toEpochDay() - l.dueOn().toEpochDay(), money(l.openAmount()))).toList();
        return pdf.render("dunning-letter", Map.of(
                "customerName", c.customerName(),
                "companyName", company,
                "date", today.toString(),
                "caseId", c.id(),
                "lines", lines,
                "total", money(total)), Locale.SIMPLIFIED_CHINESE);
    }

    private static String money(BigDecimal v) {
        return new DecimalFormat("#,##0.00").format(v);
    }
}
