package io.zhidu.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Installment splitting to the cent, the refusals of bad terms, the premium, and the status moves. */
class PaymentTermsTest {

    static PaymentTerms.Term term(String percent, PaymentAnchor anchor, int days) {
        return new PaymentTerms.Term(new BigDecimal(percent), anchor, days);
    }

    static BigDecimal sum(List<Installment> is) {
        return is.stream().map(Installment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void thirdsAddUpToTheAmountWithTheLastTakingTheRemainder() {
        List<Installment> is = PaymentTerms.split(new BigDecimal("100.00"), List.of(term("33.33", PaymentAnchor.SIGNING, 0),
                term("33.33", PaymentAnchor.SHIPMENT, 30), term("33.34", PaymentAnchor.SHIPMENT, 90)));
        assertThat(is).extracting(Installment::amount).containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"),
                new BigDecimal("33.34"));
        assertThat(is).extracting(Installment::number).containsExactly(1, 2, 3);
        assertThat(is.get(1).anchor()).isEqualTo(PaymentAnchor.SHIPMENT);
        assertThat(is.get(2).days()).isEqualTo(90);

        // rounding half-up of every share but the last, which absorbs the difference
        List<Installment> odd = PaymentTerms.split(new BigDecimal("1000.01"), List.of(term("30", PaymentAnchor.SIGNING, 0),
                term("30", PaymentAnchor.SIGNING, 10), term("40", PaymentAnchor.SHIPMENT, 10)));
        assertThat(odd).extracting(Installment::amount).containsExactly(new BigDecimal("300.00"), new BigDecimal("300.00"),
                new BigDecimal("400.01"));
        List<Installment> up = PaymentTerms.split(new BigDecimal("0.05"), List.of(term("50", PaymentAnchor.SIGNING, 0),
                term("50", PaymentAnchor.SIGNING, 0)));
        assertThat(up).extracting(Installment::amount).containsExactly(new BigDecimal("0.03"), new BigDecimal("0.02"));
        for (String amount : List.of("1.00", "99999.99", "1234567.89", "0.01")) {
            List<Installment> seven = PaymentTerms.split(new BigDecimal(amount), List.of(term("14.29", PaymentAnchor.SIGNING, 0),
                    term("14.29", PaymentAnchor.SIGNING, 0), term("14.29", PaymentAnchor.SIGNING, 0),
                    term("14.29", PaymentAnchor.SIGNING, 0), term("14.28", PaymentAnchor.SIGNING, 0),
                    term("14.28", PaymentAnchor.SIGNING, 0), term("14.28", PaymentAnchor.SHIPMENT, 0)));
            assertThat(sum(seven)).isEqualByComparingTo(amount);
        }
    }

    @Test
    void percentsNotAddingUpTo100AndBadTermsAreRefusedOnTheirField() {
        assertThatThrownBy(() -> PaymentTerms.split(BigDecimal.TEN, List.of(term("50", PaymentAnchor.SIGNING, 0),
                term("40", PaymentAnchor.SHIPMENT, 0))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("contract.error.percentSum");
                    assertThat(e.args()).containsExactly("90");
                });
        assertThatThrownBy(() -> PaymentTerms.split(BigDecimal.TEN, List.of(term("110", PaymentAnchor.SIGNING, 0),
                term("-10", PaymentAnchor.SHIPMENT, 0))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("paymentTerms[0].percent"));
        assertThatThrownBy(() -> PaymentTerms.split(BigDecimal.TEN, List.of(term("100", null, 0))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("paymentTerms[0].anchor"));
        assertThatThrownBy(() -> PaymentTerms.split(BigDecimal.TEN, List.of(term("100", PaymentAnchor.SIGNING, -1))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("paymentTerms[0].days"));
        assertThatThrownBy(() -> PaymentTerms.split(BigDecimal.TEN, List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("contract.error.noTerms"));
    }

    @Test
    void thePremiumIsAmountWeightedOverTheLines() {
        // 10 × (110 − 100) + 1 × (900 − 1000) = 0 over 2000: heavy lines weigh more than a plain average of rates
        ContractLine a = new ContractLine(null, "A", new BigDecimal("10"), "台", new BigDecimal("100"), new BigDecimal("110"));
        ContractLine b = new ContractLine(null, "B", new BigDecimal("1"), "台", new BigDecimal("1000"), new BigDecimal("900"));
        Contract c = Contract.draft("HT-2026-000001", 1, new ContractPlacement(1L, 1L, 1, 1), LocalDate.of(2026, 1, 5),
                List.of(a, b), List.of(term("100", PaymentAnchor.SIGNING, 30)), 1, Instant.EPOCH);
        assertThat(c.getAmount()).isEqualByComparingTo("2000.00");
        assertThat(c.premium().listAmount()).isEqualByComparingTo("2000.00");
        assertThat(c.premium().rate()).isEqualByComparingTo("0");
        assertThat(a.premium().rate()).isEqualByComparingTo("0.1000");
        assertThat(b.premium().rate()).isEqualByComparingTo("-0.1000");
        Premium p = Premium.of(new BigDecimal("3000"), new BigDecimal("3156"));
        assertThat(p.rate()).isEqualByComparingTo("0.0520");
        assertThat(p.percent()).isEqualByComparingTo("5.20");
        assertThat(p.over()).isEqualByComparingTo("156");
        assertThat(Premium.of(BigDecimal.ZERO, BigDecimal.ZERO).rate()).isNull();
    }

    /** The list prices of a contract without catalogue lines: never asked. */
    static final Contract.ListPrices NO_CATALOGUE = (line, on) -> {
        throw new AssertionError("no catalogue line to price");
    };

    @Test
    void atSigningTheCatalogueLinesTakeTheListPricesOfTheSigningDateAndThePremiumFollows() {
        LocalDate drafted = LocalDate.of(2026, 3, 1);
        LocalDate signed = LocalDate.of(2026, 3, 20);
        // catalogue: 10 × list 1,000 sold at 1,100; non-catalogue: 2 × stated list 500 sold at 500
        Contract c = Contract.draft("HT-2026-000003", 1, new ContractPlacement(1L, 1L, 1, 1), drafted,
                List.of(new ContractLine(7L, "P-7 机床", BigDecimal.TEN, "台", new BigDecimal("1000"), new BigDecimal("1100")),
                        new ContractLine(null, "安装服务", new BigDecimal("2"), "次", new BigDecimal("500"), new BigDecimal("500"))),
                List.of(term("100", PaymentAnchor.SIGNING, 30)), 1, Instant.EPOCH);
        assertThat(c.getPriceDate()).isEqualTo(drafted);
        assertThat(c.premium().rate()).isEqualByComparingTo("0.0909"); // 12,000 over 11,000
        c.submit();
        c.approve(drafted.plusDays(2));
        List<LocalDate> asked = new java.util.ArrayList<>();
        c.sign(signed, signed, new ContractPlacement(1L, 1L, 1, 1), (line, on) -> {
            asked.add(on);
            assertThat(line.getProductId()).isEqualTo(7L);
            return new BigDecimal("1050"); // the price in force from 2026-03-15
        });
        assertThat(asked).containsExactly(signed);
        assertThat(c.getPriceDate()).isEqualTo(signed);
        assertThat(c.getLines()).extracting(ContractLine::getListPrice)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1050"), new BigDecimal("500"));
        assertThat(c.getAmount()).isEqualByComparingTo("12000.00");
        assertThat(c.getListAmount()).isEqualByComparingTo("11500.00");
        assertThat(c.premium().rate()).isEqualByComparingTo("0.0435"); // 12,000 over 11,500
        assertThat(c.getLines().get(0).premium().rate()).isEqualByComparingTo("0.0476");
    }

    @Test
    void aSigningRefusedForWantOfAListPriceChangesNothing() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        Contract c = Contract.draft("HT-2026-000004", 1, new ContractPlacement(1L, 1L, 1, 1), today,
                List.of(new ContractLine(7L, "P-7 机床", BigDecimal.ONE, "台", new BigDecimal("1000"), new BigDecimal("1000"))),
                List.of(term("100", PaymentAnchor.SIGNING, 0)), 1, Instant.EPOCH);
        c.submit();
        c.approve(today);
        assertThatThrownBy(() -> c.sign(today, today, new ContractPlacement(1L, 1L, 1, 1), (line, on) -> {
            throw DomainException.invalid("signedOn", "contract.error.noPrice", line.getProductName(), on.toString());
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("contract.error.noPrice"));
        assertThat(c.getStatus()).isEqualTo(ContractStatus.APPROVED);
        assertThat(c.getListAmount()).isEqualByComparingTo("1000.00");
    }

    @Test
    void statusMovesRefuseIllegalOnes() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        Contract c = Contract.draft("HT-2026-000002", 1, new ContractPlacement(1L, 1L, 1, 1), today,
                List.of(new ContractLine(null, "A", BigDecimal.ONE, "台", BigDecimal.TEN, BigDecimal.TEN)),
                List.of(term("40", PaymentAnchor.SIGNING, 0), term("60", PaymentAnchor.SHIPMENT, 30)), 1, Instant.EPOCH);
        ContractPlacement p = new ContractPlacement(2L, 2L, 1, 1);
        assertThatThrownBy(() -> c.sign(today, today, p, NO_CATALOGUE)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThatThrownBy(() -> c.ship(today, today)).isInstanceOf(DomainException.class);
        c.submit();
        assertThatThrownBy(c::submit).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> c.terminate(today)).isInstanceOf(DomainException.class);
        c.approve(today.minusDays(2));
        assertThatThrownBy(() -> c.sign(today.plusDays(1), today, p, NO_CATALOGUE)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        assertThatThrownBy(() -> c.sign(today.minusDays(3), today, p, NO_CATALOGUE)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("contract.error.beforeApproval"));
        c.sign(today.minusDays(1), today, p, NO_CATALOGUE);
        assertThat(c.getStatus()).isEqualTo(ContractStatus.SIGNED);
        assertThat(c.placement()).isEqualTo(p);
        assertThatThrownBy(() -> c.complete(today)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("contract.error.notShipped"));
        c.ship(today, today);
        assertThatThrownBy(() -> c.ship(today, today)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("contract.error.alreadyShipped"));
        assertThat(c.installments(PaymentAnchor.SHIPMENT)).extracting(Installment::amount).containsExactly(new BigDecimal("6.00"));
        c.complete(today);
        assertThat(c.getStatus()).isEqualTo(ContractStatus.COMPLETED);
        assertThatThrownBy(() -> c.terminate(today)).isInstanceOf(DomainException.class);
    }
}
