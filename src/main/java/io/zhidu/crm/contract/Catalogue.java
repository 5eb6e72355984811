package io.zhidu.crm.contract;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue and its price lists (价目表), kept by holders of {@code product:manage}:
 * products (code unique, name, unit) and list prices by effective date. The list price of a
 * product on a date is the one with the latest effective date not after it.
 */
@Service
public class Catalogue {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    /** A product as entered. */
    public record ProductForm(String code, String name, String unit) {
    }

    /** A list price from a date on. */
    public record PriceForm(LocalDate effectiveFrom, BigDecimal listPrice) {
    }

    /** A product with its list price today (null when none is in force yet) and its price history. */
    public record Product(long id, String code, String name, String unit, BigDecimal listPrice, List<Price> prices) {
    }

    public record Price(LocalDate effectiveFrom, BigDecimal listPrice) {
    }

    public record Page(List<Product> items, String nextCursor) {
    }

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    Catalogue(JdbcClient jdbc, BusinessClock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Product create(ProductForm form) {
        String code = form == null || form.code() == null ? "" : form.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw DomainException.invalid("code", "contract.product.error.code");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalid("name", "contract.product.error.name");
        }
        String unit = form.unit() == null ? "" : form.unit().strip();
        if (unit.isEmpty() || unit.length() > 20) {
            throw DomainException.invalid("unit", "contract.error.unit");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM product WHERE code = ?").param(code).query(Long.class).single() > 0) {
            throw DomainException.conflict("contract.product.error.duplicate", code);
        }
        long id;
        try {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO product (code, name, unit, created_at) VALUES (?, ?, ?, ?)")
                    .params(code, name, unit, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update(keys, "id");
            id = keys.getKey().longValue();
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("contract.product.error.duplicate", code);
        }
        events.publishEvent(new ProductChanged(CurrentActor.username(), "PRODUCT_CREATED", id, code + " " + name + " " + unit));
        return find(id).orElseThrow();
    }

    @Transactional
    public Product addPrice(long productId, PriceForm form) {
        find(productId).orElseThrow(DomainException::notFound);
        if (form == null || form.effectiveFrom() == null) {
            throw DomainException.invalid("effectiveFrom", "contract.error.dateRequired");
        }
        BigDecimal price = form.listPrice();
        if (price == null || price.signum() <= 0 || price.stripTrailingZeros().scale() > 2 || price.precision() - price.scale() > 12) {
            throw DomainException.invalid("listPrice", "contract.error.listPrice");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM product_price WHERE product_id = ? AND effective_from = ?")
                .params(productId, form.effectiveFrom()).query(Long.class).single() > 0) {
            throw DomainException.conflict("contract.product.error.priceExists", form.effectiveFrom().toString());
        }
        try {
            jdbc.sql("INSERT INTO product_price (product_id, effective_from, list_price, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                    .params(productId, form.effectiveFrom(), price, CurrentActor.username(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("contract.product.error.priceExists", form.effectiveFrom().toString());
        }
        events.publishEvent(new ProductChanged(CurrentActor.username(), "PRODUCT_PRICED", productId,
                price.toPlainString() + " from " + form.effectiveFrom()));
        return find(productId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Product> find(long id) {
        return withPrices(jdbc.sql("SELECT id, code, name, unit FROM product WHERE id = ?").param(id).query(HEADER).list())
                .stream().findFirst();
    }

    /** The list price in force on a date, if any. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> listPrice(long productId, LocalDate on) {
        return jdbc.sql("SELECT list_price FROM product_price WHERE product_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1")
                .params(productId, on).query(BigDecimal.class).optional();
    }

    /** Products by code, keyset-paged. */
    @Transactional(readOnly = true)
    public Page page(KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, 200));
        String sql = "SELECT id, code, name, unit FROM product" + (after == null ? "" : " WHERE code > ?") + " ORDER BY code LIMIT ?";
        var spec = jdbc.sql(sql);
        spec = after == null ? spec.param(limit + 1) : spec.params(after.sortValue(), limit + 1);
        List<Product> rows = withPrices(spec.query(HEADER).list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Product last = rows.get(limit - 1);
            next = new KeysetCursor(last.code(), last.id()).encode();
        }
        return new Page(List.copyOf(rows), next);
    }

    private record Header(long id, String code, String name, String unit) {
    }

    private static final org.springframework.jdbc.core.RowMapper<Header> HEADER = (rs, n) ->
            new Header(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit"));

    /** The products with their price history, newest first, fetched in one query for the whole page. */
    private List<Product> withPrices(List<Header> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, List<Price>> byProduct = new java.util.HashMap<>();
        String in = String.join(", ", java.util.Collections.nCopies(headers.size(), "?"));
        jdbc.sql("SELECT product_id, effective_from, list_price FROM product_price WHERE product_id IN (" + in
                        + ") ORDER BY product_id, effective_from DESC")
                .params(headers.stream().map(h -> (Object) h.id()).toList())
                .query(rs -> {
                    byProduct.computeIfAbsent(rs.getLong("product_id"), k -> new java.util.ArrayList<>())
                            .add(new Price(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("list_price")));
                });
        LocalDate today = clock.today();
        return headers.stream().map(h -> {
            List<Price> prices = List.copyOf(byProduct.getOrDefault(h.id(), List.of()));
            BigDecimal current = prices.stream().filter(p -> !p.effectiveFrom().isAfter(today)).findFirst()
                    .map(Price::listPrice).orElse(null);
            return new Product(h.id(), h.code(), h.name(), h.unit(), current, prices);
        }).toList();
    }
}
