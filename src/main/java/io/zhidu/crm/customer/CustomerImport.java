package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.CustomerType;
import io.zhidu.crm.customer.CustomerEnums.Scale;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports customers from .xlsx (the template's Chinese or English headers). Every row is checked
 * first — required fields, vocabularies, dates and amounts, the credit code, the owner, the
 * same customer twice in the file — and reported with its row number and reason. A row whose
 * customer exists already (same USCC, else same normalised name, inside the user's scope) updates
 * it, so importing the same file again creates no duplicates.
 *
 * <p>Mode {@link Mode#ALL}: a file with any error imports nothing; otherwise all rows are applied
 * in one transaction. Mode {@link Mode#VALID_ROWS}: the valid rows are applied, each on its own.
 */
@Component
public class CustomerImport {

    public static final int MAX_ROWS = 20_000;

    public enum Mode {
        ALL, VALID_ROWS;

        /** From the API's {@code mode=all|valid-rows}. */
        public static Mode of(String s) {
            return "valid-rows".equalsIgnoreCase(s) || "VALID_ROWS".equalsIgnoreCase(s) ? VALID_ROWS : ALL;
        }
    }

    /** The template's columns, in order; the field names are the form's. */
    static final List<String> COLUMNS = List.of("name", "uscc", "noUsccReason", "type", "category", "stage", "industry",
            "region", "address", "phone", "legalRepresentative", "foundedOn", "legalForm", "registeredCapital", "scale",
            "ownerUsername", "tags");
    static final List<String> REQUIRED = List.of("name", "type", "category", "stage");

    /** Told the number of rows once the sheet is open, then how many have been checked. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void total(int rows) {
        }

        default void processed(int rows) {
        }
    }

    public record RowError(int row, String column, String message) {
    }

    public record Report(int total, int created, int updated, int unchanged, int failed, boolean applied, List<RowError> errors) {
    }

    private record Parsed(int row, CustomerForm form, Long existingId) {
    }

    private final CustomerManagement management;
    private final CustomerSearch search;
    private final Staff staff;
    private final Validator validator;
    private final MessageSource messages;
    private final TransactionTemplate oneTransaction;
    private final TransactionTemplate rowTransaction;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    CustomerImport(CustomerManagement management, CustomerSearch search, Staff staff, Validator validator,
                   MessageSource messages, PlatformTransactionManager transactions,
                   org.springframework.jdbc.core.simple.JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.management = management;
        this.search = search;
        this.staff = staff;
        this.validator = validator;
        this.messages = messages;
        this.jdbc = jdbc;
        this.oneTransaction = new TransactionTemplate(transactions);
        this.rowTransaction = new TransactionTemplate(transactions);
        this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The empty template: headers in the user's language, one example row. */
    public void template(Locale locale, OutputStream out) throws IOException {
        try (XlsxExport xlsx = new XlsxExport(text("customers.import.sheet", locale), COLUMNS.stream().map(c -> header(c, locale)).toList())) {
            xlsx.row("上海示例精密机械有限公司", "91350100M000100Y43", null, text("customer.type.END_USER", locale),
                    text("customer.category.REGULAR", locale), text("customer.stage.PROSPECT", locale), "机械", "华东",
                    "上海市浦东新区张江路 1 号", "021-62345678", "张三", LocalDate.of(2010, 5, 18), "有限责任公司",
                    new BigDecimal("5000000.00"), text("customer.scale.MEDIUM", locale), "sales1", "重点,制造业");
            xlsx.writeTo(out);
        }
    }

    /**
     * Checks and (per the mode) applies a file.
     *
     * @param progress told the number of rows, then how many have been checked
     */
    public Report run(DataScope scope, String fileName, InputStream xlsx, Mode mode, Progress progress) {
        Report report = check(scope, xlsx, mode, progress);
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_IMPORTED", 0, fileName + ": " + report.created()
                + " created, " + report.updated() + " updated, " + report.failed() + " rows refused, applied=" + report.applied()));
        return report;
    }

    private Report check(DataScope scope, InputStream xlsx, Mode mode, Progress progress) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RowError> errors = new ArrayList<>();
        List<Parsed> valid = new ArrayList<>();
        int total;
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> columns = columns(sheet.getRow(sheet.getFirstRowNum()), errors);
            progress.total(Math.max(0, sheet.getLastRowNum() - sheet.getFirstRowNum()));
            if (!errors.isEmpty()) {
                return new Report(0, 0, 0, 0, 0, false, errors);
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Map<String, Integer> seenUscc = new HashMap<>();
            Map<String, Integer> seenName = new HashMap<>();
            total = 0;
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isEmpty(row, formatter)) {
                    continue;
                }
                total++;
                if (total > MAX_ROWS) {
                    errors.add(new RowError(r + 1, null, text("customers.import.tooManyRows", locale, MAX_ROWS)));
                    return new Report(total, 0, 0, 0, total, false, errors);
                }
                int errorsBefore = errors.size();
                Parsed parsed = parse(scope, r + 1, row, columns, formatter, errors, locale);
                if (parsed != null) {
                    String uscc = Uscc.normalise(parsed.form().uscc());
                    String key = CustomerNames.key(parsed.form().name());
                    Integer firstUscc = uscc == null || uscc.isEmpty() ? null : seenUscc.putIfAbsent(uscc, r + 1);
                    Integer firstName = seenName.putIfAbsent(key, r + 1);
                    if (firstUscc != null || firstName != null) {
                        errors.add(new RowError(r + 1, firstUscc != null ? header("uscc", locale) : header("name", locale),
                                text("customers.import.sameAsRow", locale, firstUscc != null ? firstUscc : firstName)));
                    } else if (errors.size() == errorsBefore) {
                        valid.add(parsed);
                    }
                }
                progress.processed(total);
            }
        } catch (IOException | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException notXlsx) {
            // POI's ways of saying "not an .xlsx" (UnsupportedFileFormatException and EmptyFileException are IAEs)
            throw DomainException.invalid("file", "customers.import.notXlsx");
        }
        int failedRows = (int) errors.stream().mapToInt(RowError::row).distinct().count();
        if (mode == Mode.ALL && !errors.isEmpty()) {
            return new Report(total, 0, 0, 0, failedRows, false, errors);
        }
        int[] counts = new int[3]; // created, updated, unchanged
        if (mode == Mode.ALL) {
            oneTransaction.executeWithoutResult(s -> valid.forEach(p -> apply(scope, p, counts)));
        } else {
            for (Parsed p : valid) {
                try {
                    rowTransaction.executeWithoutResult(s -> apply(scope, p, counts));
                } catch (DomainException e) {
                    errors.add(new RowError(p.row(), null, text(e.messageKey(), locale, e.args())));
                    failedRows++;
                }
            }
        }
        return new Report(total, counts[0], counts[1], counts[2], failedRows, true, errors);
    }

    private void apply(DataScope scope, Parsed p, int[] counts) {
        if (p.existingId() == null) {
            management.register(scope, p.form());
            counts[0]++;
            return;
        }
        Customer existing = management.load(p.existingId()).orElseThrow(DomainException::notFound);
        Map<String, String> before = existing.snapshot();
        CustomerForm merged = merge(existing.toForm(), p.form());
        Customer after = management.update(scope, p.existingId(), existing.getVersion(), merged);
        if (before.equals(after.snapshot())) {
            counts[2]++;
        } else {
            counts[1]++;
        }
    }

    private Parsed parse(DataScope scope, int rowNumber, Row row, Map<String, Integer> columns, DataFormatter formatter,
                         List<RowError> errors, Locale locale) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            Integer i = columns.get(c);
            String s = i == null ? null : cellText(row.getCell(i), formatter);
            v.put(c, s == null || s.isBlank() ? null : s.trim());
        }
        int before = errors.size();
        for (String c : REQUIRED) {
            if (v.get(c) == null) {
                errors.add(new RowError(rowNumber, header(c, locale), text("customers.import.required", locale)));
            }
        }
        CustomerType type = vocabulary(CustomerType.values(), CustomerType::labelKey, v.get("type"), "type", rowNumber, errors, locale);
        Category category = vocabulary(Category.values(), Category::labelKey, v.get("category"), "category", rowNumber, errors, locale);
        Stage stage = vocabulary(Stage.values(), Stage::labelKey, v.get("stage"), "stage", rowNumber, errors, locale);
        Scale scale = vocabulary(Scale.values(), Scale::labelKey, v.get("scale"), "scale", rowNumber, errors, locale);
        LocalDate founded = null;
        if (v.get("foundedOn") != null) {
            try {
                founded = LocalDate.parse(v.get("foundedOn").replace('/', '-'));
            } catch (DateTimeParseException e) {
                errors.add(new RowError(rowNumber, header("foundedOn", locale), text("customers.import.badDate", locale)));
            }
        }
        BigDecimal capital = null;
        if (v.get("registeredCapital") != null) {
            try {
                capital = new BigDecimal(v.get("registeredCapital").replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(new RowError(rowNumber, header("registeredCapital", locale), text("customers.import.badNumber", locale)));
            }
        }
        Long ownerId = null;
        if (v.get("ownerUsername") != null) {
            Optional<StaffAccount> owner = staff.byUsername(v.get("ownerUsername"));
            if (owner.isEmpty()) {
                errors.add(new RowError(rowNumber, header("ownerUsername", locale), text("customers.import.unknownOwner", locale)));
            } else {
                ownerId = owner.get().id();
            }
        }
        if (errors.size() > before) {
            return null;
        }
        List<String> tags = v.get("tags") == null ? List.of()
                : Arrays.stream(v.get("tags").split("[,，、]")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        CustomerForm form = new CustomerForm(v.get("name"), v.get("uscc"), v.get("noUsccReason"), type, category, stage,
                v.get("industry"), v.get("region"), v.get("address"), v.get("phone"), v.get("legalRepresentative"), founded,
                v.get("legalForm"), capital, scale, null, null, null, null, null, null, null, null, null, ownerId, tags);
        for (ConstraintViolation<CustomerForm> violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString().replaceAll("\\[.*", "");
            errors.add(new RowError(rowNumber, header(field, locale), violation.getMessage()));
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            String uscc = CustomerManagement.validUscc(form);
            Long existing = existing(uscc, form.name());
            if (existing != null && search.find(scope, existing, false).isEmpty()) {
                errors.add(new RowError(rowNumber, header(uscc != null ? "uscc" : "name", locale),
                        text("customer.duplicate.hidden", locale)));
                return null;
            }
            return new Parsed(rowNumber, form, existing);
        } catch (DomainException e) {
            errors.add(new RowError(rowNumber, header(e.field() == null ? "name" : e.field(), locale), text(e.messageKey(), locale, e.args())));
            return null;
        }
    }

    /** The customer this row is: by credit code first, else by normalised name. */
    private Long existing(String uscc, String name) {
        if (uscc != null) {
            Optional<Long> byUscc = jdbc.sql("SELECT id FROM customer WHERE uscc = ?").param(uscc).query(Long.class).optional();
            if (byUscc.isPresent()) {
                return byUscc.get();
            }
        }
        return jdbc.sql("SELECT id FROM customer WHERE name_key = ?").param(CustomerNames.key(name)).query(Long.class).optional().orElse(null);
    }

    private Map<String, Integer> columns(Row header, List<RowError> errors) {
        Map<String, Integer> found = new HashMap<>();
        if (header != null) {
            DataFormatter f = new DataFormatter(Locale.ROOT);
            for (Cell cell : header) {
                String title = f.formatCellValue(cell).trim();
                for (String c : COLUMNS) {
                    for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                        if (title.equalsIgnoreCase(header(c, l)) || title.equalsIgnoreCase(c)) {
                            found.putIfAbsent(c, cell.getColumnIndex());
                        }
                    }
                }
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (String c : REQUIRED) {
            if (!found.containsKey(c)) {
                errors.add(new RowError(1, header(c, locale), text("customers.import.missingColumn", locale)));
            }
        }
        return found;
    }

    private <E extends Enum<E>> E vocabulary(E[] values, java.util.function.Function<E, String> labelKey, String value,
                                             String field, int row, List<RowError> errors, Locale locale) {
        if (value == null) {
            return null;
        }
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                if (value.equalsIgnoreCase(text(labelKey.apply(e), l))) {
                    return e;
                }
            }
        }
        String allowed = String.join("、", Arrays.stream(values).map(e -> text(labelKey.apply(e), locale)).toList());
        errors.add(new RowError(row, header(field, locale), text("customers.import.badValue", locale, value, allowed)));
        return null;
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    private static boolean isEmpty(Row row, DataFormatter formatter) {
        for (Cell cell : row) {
            if (!formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The file's columns over the existing record: what the template does not carry stays as it was. */
    private static CustomerForm merge(CustomerForm old, CustomerForm f) {
        return new CustomerForm(f.name(), f.uscc(), f.noUsccReason(), f.type(), f.category(), f.stage(), f.industry(), f.region(),
                f.address(), f.phone(), f.legalRepresentative(), f.foundedOn(), f.legalForm(), f.registeredCapital(), f.scale(),
                old.serviceArea(), old.salesCapacity(), old.potential(), old.direction(), old.reputation(), old.competitors(),
                old.attitude(), old.businessStatus(), old.transactionStatus(),
                f.ownerId() != null ? f.ownerId() : old.ownerId(), f.tags());
    }

    String header(String column, Locale locale) {
        return text(column.equals("ownerUsername") ? "customers.import.ownerUsername" : "customer." + column, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

}
