package io.zhidu.crm.shared.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the sheets of an .xlsx export as rows arrive (POI streaming: a bounded window of rows in
 * memory, so exports of any length run in constant heap). Headers are bold and frozen.
 * Strings, numbers, amounts and dates are written as their own cell types.
 */
public final class XlsxExport implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle moneyStyle;
    private final Map<Sheet, Integer> nextRow = new LinkedHashMap<>();
    private final Sheet first;

    /** An export whose first sheet has the given name and headers; {@link #row} writes to it. */
    public XlsxExport(String sheetName, List<String> headers) {
        headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        moneyStyle = workbook.createCellStyle();
        moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        first = sheet(sheetName, headers);
    }

    /**
     * Adds another sheet with its headers; write to it with {@link #row(Sheet, Object...)}. Rows
     * of different sheets may interleave.
     */
    public Sheet sheet(String sheetName, List<String> headers) {
        Sheet sheet = workbook.createSheet(sheetName);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3)) * 256);
        }
        sheet.createFreezePane(0, 1);
        nextRow.put(sheet, 1);
        return sheet;
    }

    /** Appends one row to the first sheet; nulls leave the cell empty. */
    public void row(Object... values) {
        row(first, values);
    }

    /** Appends one row to the given sheet of this export; nulls leave the cell empty. */
    public void row(Sheet sheet, Object... values) {
        int index = nextRow.get(sheet);
        nextRow.put(sheet, index + 1);
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof BigDecimal amount) {
                cell.setCellValue(amount.doubleValue());
                cell.setCellStyle(moneyStyle);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    /** Rows written to the first sheet so far, without the header. */
    public int rows() {
        return nextRow.get(first) - 1;
    }

    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // temporary files are already disposed
        }
    }
}
