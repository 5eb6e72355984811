package io.zhidu.crm.contract;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxCells;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.time.BusinessClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The price list (价目表) in Excel. Export: sheet 1 the products with the list price in force
 * today, sheet 2 the full price history. Import (.xlsx, the template's Chinese or English
 * headers): columns code, name, unit, list price, effective date. A new code creates the product
 * (name and unit required); a known code adds a list price from that date, and its name and unit,
 * when given, must be the catalogue's (a typo must not price another product).
 *
 * <p>The same product and date twice: a price already in the catalogue for that date is left as it
 * is when the file repeats it (re-importing an export changes nothing) and the row is REFUSED when
 * the file states another price — a list price once recorded is not rewritten (contracts were
 * priced with it; enter a new price from a later date instead). The same code and date twice in the
 * file is refused as well.
 *
 * <p>All or nothing: every row is checked first and reported with its row number; one bad row and
 * nothing is changed; otherwise all rows are applied in one transaction.
 */
@Component
class PriceListExcel {

    static final int MAX_ROWS = 5_000;
    static final List<String> COLUMNS = List.of("code", "name", "unit", "listPrice", "effectiveFrom");

    /** A refused row: its number in the sheet (1 = the header), the column's title, why. */
    record RowError(int row, String column, String message) {
    }

    /** The outcome: rows read, products created, prices added, rows already in the catalogue, whether applied. */
    record Report(int rows, int productsCreated, int pricesAdded, int unchanged, boolean applied, List<RowError> errors) {
    }

    private record Line(int row, String code, String name, String unit, BigDecimal listPrice, LocalDate effectiveFrom) {
    }

    private record Known(long id, String name, String unit) {
    }

    private final Catalogue catalogue;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final BusinessClock clock;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    PriceListExcel(Catalogue catalogue, JdbcClient jdbc, MessageSource messages, BusinessClock clock,
                   TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.transaction = transaction;
        this.events = events;
    }

    /** The two sheets, streamed from the database (no product list held in memory). */
    void export(Locale locale, OutputStream out) throws IOException {
        try (XlsxExport xlsx = new XlsxExport(text("contract.priceList.sheet", locale), List.of(header("code", locale),
                header("name", locale), header("unit", locale), header("listPrice", locale), header("effectiveFrom", locale)))) {
            jdbc.sql("""
                            SELECT p.code, p.name, p.unit, pp.list_price, pp.effective_from FROM product p
                            LEFT JOIN product_price pp ON pp.product_id = p.id AND pp.effective_from =
                                (SELECT MAX(x.effective_from) FROM product_price x WHERE x.product_id = p.id AND x.effective_from <= ?)
                            ORDER BY p.code""")
                    .param(clock.today())
                    .query(rs -> {
                        xlsx.row(rs.getString("code"), rs.getString("name"), rs.getString("unit"), rs.getBigDecimal("list_price"),
                                rs.getObject("effective_from", LocalDate.class));
                    });
            Sheet history = xlsx.sheet(text("contract.priceList.historySheet", locale), List.of(header("code", locale),
                    header("name", locale), header("effectiveFrom", locale), header("listPrice", locale),
                    text("contract.priceList.recordedBy", locale), text("contract.priceList.recordedAt", locale)));
            jdbc.sql("""
                            SELECT p.code, p.name, pp.effective_from, pp.list_price, pp.recorded_by, pp.recorded_at
                            FROM product_price pp JOIN product p ON p.id = pp.product_id ORDER BY p.code, pp.effective_from""")
                    .query(rs -> {
                        xlsx.row(history, rs.getString("code"), rs.getString("name"), rs.getObject("effective_from", LocalDate.class),
                                rs.getBigDecimal("list_price"), rs.getString("recorded_by"),
                                rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toLocalDate());
                    });
            xlsx.writeTo(out);
        }
    }

    /** The empty import template: the headers in the user's language and one example row. */
    void template(Locale locale, OutputStream out) throws IOException {
        try (XlsxExport xlsx = new XlsxExport(text("contract.priceList.sheet", locale), COLUMNS.stream().map(c -> header(c, locale)).toList())) {
            xlsx.row("CNC-200", text("contract.priceList.example", locale), "台", new BigDecimal("128000.00"),
                    LocalDate.of(clock.today().getYear(), 1, 1));
            xlsx.writeTo(out);
        }
    }

    /** Checks the whole file, then applies it when no row is refused. */
    Report importFile(String fileName, InputStream in, Locale locale) {
        List<RowError> errors = new ArrayList<>();
        List<Line> lines = read(in, locale, errors);
        Map<String, Known> known = new HashMap<>();
        List<Line> toAdd = new ArrayList<>();
        // the readable rows are checked against each other and the catalogue too: every mistake is told at once
        int unchanged = check(lines, known, toAdd, locale, errors);
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            int rows = (int) (lines.size() + errors.stream().filter(e -> lines.stream().noneMatch(l -> l.row() == e.row()))
                    .mapToInt(RowError::row).distinct().count());
            return new Report(rows, 0, 0, 0, false, List.copyOf(errors));
        }
        int[] created = {0};
        transaction.executeWithoutResult(s -> {
            Map<String, Long> ids = new HashMap<>();
            known.forEach((code, k) -> {
                if (k != null) {
                    ids.put(code, k.id());
                }
            });
            for (Line l : toAdd) {
                Long id = ids.get(l.code());
                if (id == null) {
                    id = catalogue.create(new Catalogue.ProductForm(l.code(), l.name(), l.unit())).id();
                    ids.put(l.code(), id);
                    created[0]++;
                }
                catalogue.addPrice(id, new Catalogue.PriceForm(l.effectiveFrom(), l.listPrice()));
            }
            events.publishEvent(new ProductChanged(CurrentActor.username(), "PRICE_LIST_IMPORTED", 0, fileName + ": "
                    + lines.size() + " rows, " + created[0] + " products created, " + toAdd.size() + " prices added"));
        });
        return new Report(lines.size(), created[0], toAdd.size(), unchanged, true, List.of());
    }

    /** The sheet's rows, each checked on its own (format of every cell). */
    private List<Line> read(InputStream in, Locale locale, List<RowError> errors) {
        List<Line> lines = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Map<String, Integer> columns = columns(sheet.getRow(sheet.getFirstRowNum()), formatter);
            for (String c : COLUMNS) {
                if (!columns.containsKey(c)) {
                    errors.add(new RowError(1, header(c, locale), text("contract.priceList.missingColumn", locale)));
                }
            }
            if (!errors.isEmpty()) {
                return lines;
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> v = new LinkedHashMap<>();
                for (String c : COLUMNS) {
                    String s = row == null ? null : XlsxCells.text(row.getCell(columns.get(c)), formatter);
                    v.put(c, s == null || s.isBlank() ? null : s.strip());
                }
                if (v.values().stream().allMatch(java.util.Objects::isNull)) {
                    continue;
                }
                if (lines.size() >= MAX_ROWS) {
                    errors.add(new RowError(r + 1, null, text("contract.priceList.tooManyRows", locale, MAX_ROWS)));
                    return lines;
                }
                Line line = parse(r + 1, v, locale, errors);
                if (line != null) {
                    lines.add(line);
                }
            }
            if (lines.isEmpty() && errors.isEmpty()) {
                errors.add(new RowError(2, null, text("contract.priceList.noRows", locale)));
            }
        } catch (IOException | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException notXlsx) {
            // POI's ways of saying "not an .xlsx" (UnsupportedFileFormatException and EmptyFileException are IAEs)
            throw DomainException.invalid("file", "contract.priceList.notXlsx");
        }
        return lines;
    }

    private Line parse(int row, Map<String, String> v, Locale locale, List<RowError> errors) {
        int before = errors.size();
        String code = v.get("code");
        if (code == null || !Catalogue.CODE.matcher(code).matches()) {
            errors.add(new RowError(row, header("code", locale), text("contract.product.error.code", locale)));
        }
        if (v.get("name") != null && v.get("name").length() > 200) {
            errors.add(new RowError(row, header("name", locale), text("contract.product.error.name", locale)));
        }
        if (v.get("unit") != null && v.get("unit").length() > 20) {
            errors.add(new RowError(row, header("unit", locale), text("contract.error.unit", locale)));
        }
        BigDecimal price = null;
        try {
            price = v.get("listPrice") == null ? null : new BigDecimal(v.get("listPrice").replace(",", ""));
        } catch (NumberFormatException e) {
            price = null;
        }
        if (price == null || price.signum() <= 0 || price.stripTrailingZeros().scale() > 2 || price.precision() - price.scale() > 12) {
            errors.add(new RowError(row, header("listPrice", locale), text("contract.error.listPrice", locale)));
        }
        LocalDate from = null;
        try {
            from = v.get("effectiveFrom") == null ? null : LocalDate.parse(v.get("effectiveFrom").replace('/', '-'));
        } catch (DateTimeParseException e) {
            from = null;
        }
        if (from == null) {
            errors.add(new RowError(row, header("effectiveFrom", locale), text("contract.priceList.badDate", locale)));
        }
        return errors.size() > before ? null : new Line(row, code, v.get("name"), v.get("unit"), price, from);
    }

    /**
     * The rows against each other and the catalogue: new products need a name and unit, the same
     * code must name the same product, a date is priced once. Fills {@code known} and
     * {@code toAdd}; answers the rows already in the catalogue.
     */
    private int check(List<Line> lines, Map<String, Known> known, List<Line> toAdd, Locale locale, List<RowError> errors) {
        Map<String, Line> firstOfCode = new HashMap<>();
        Map<String, Integer> seenDate = new HashMap<>();
        int unchanged = 0;
        for (Line l : lines) {
            Known k = known.containsKey(l.code()) ? known.get(l.code()) : lookUp(l.code());
            known.put(l.code(), k);
            Integer same = seenDate.putIfAbsent(l.code() + "@" + l.effectiveFrom(), l.row());
            if (same != null) {
                errors.add(new RowError(l.row(), header("effectiveFrom", locale), text("contract.priceList.sameAsRow", locale, same)));
                continue;
            }
            if (k == null) {
                Line first = firstOfCode.putIfAbsent(l.code(), l);
                if (first == null) {
                    if (l.name() == null) {
                        errors.add(new RowError(l.row(), header("name", locale), text("contract.priceList.newNeedsName", locale)));
                    }
                    if (l.unit() == null) {
                        errors.add(new RowError(l.row(), header("unit", locale), text("contract.priceList.newNeedsUnit", locale)));
                    }
                } else if (differs(l.name(), first.name()) || differs(l.unit(), first.unit())) {
                    errors.add(new RowError(l.row(), header(differs(l.name(), first.name()) ? "name" : "unit", locale),
                            text("contract.priceList.notAsRow", locale, first.row())));
                }
                toAdd.add(l);
                continue;
            }
            if (differs(l.name(), k.name())) {
                errors.add(new RowError(l.row(), header("name", locale), text("contract.priceList.otherName", locale, k.name())));
            }
            if (differs(l.unit(), k.unit())) {
                errors.add(new RowError(l.row(), header("unit", locale), text("contract.priceList.otherUnit", locale, k.unit())));
            }
            BigDecimal recorded = jdbc.sql("SELECT list_price FROM product_price WHERE product_id = ? AND effective_from = ?")
                    .params(k.id(), l.effectiveFrom()).query(BigDecimal.class).optional().orElse(null);
            if (recorded == null) {
                toAdd.add(l);
            } else if (recorded.compareTo(l.listPrice()) == 0) {
                unchanged++;
            } else {
                errors.add(new RowError(l.row(), header("listPrice", locale), text("contract.priceList.priceRecorded", locale,
                        l.effectiveFrom().toString(), recorded.toPlainString())));
            }
        }
        return unchanged;
    }

    /** A value given in the file that is not the expected one (a blank cell never differs). */
    private static boolean differs(String given, String expected) {
        return given != null && !given.equals(expected);
    }

    private Known lookUp(String code) {
        return jdbc.sql("SELECT id, name, unit FROM product WHERE code = ?").param(code)
                .query((rs, n) -> new Known(rs.getLong("id"), rs.getString("name"), rs.getString("unit"))).optional().orElse(null);
    }

    private Map<String, Integer> columns(Row header, DataFormatter formatter) {
        Map<String, Integer> found = new HashMap<>();
        if (header != null) {
            for (Cell cell : header) {
                String title = formatter.formatCellValue(cell).strip();
                for (String c : COLUMNS) {
                    for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                        if (title.equalsIgnoreCase(header(c, l)) || title.equalsIgnoreCase(c)) {
                            found.putIfAbsent(c, cell.getColumnIndex());
                        }
                    }
                }
            }
        }
        return found;
    }

    private String header(String column, Locale locale) {
        return text("contract.priceList.column." + column, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
