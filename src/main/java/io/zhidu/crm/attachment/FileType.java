package io.zhidu.crm.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The file types an attachment may have, each known by its extensions AND by its content: a file
 * is accepted only when what it holds is what its name says (a renamed executable is not a PDF).
 * Office files are told apart by their insides: a .docx is a ZIP with {@code word/document.xml},
 * an .xlsx one with {@code xl/workbook.xml}; a .doc is an OLE2 file with a {@code WordDocument}
 * stream, an .xls one with a {@code Workbook} (or {@code Book}) stream.
 */
enum FileType {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    DOC("application/msword", "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLS("application/vnd.ms-excel", "xls"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String contentType;
    private final List<String> extensions;

    FileType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    String contentType() {
        return contentType;
    }

    List<String> extensions() {
        return extensions;
    }

    /** The type a file name's extension claims, if any. */
    static Optional<FileType> byExtension(String fileName) {
        String ext = extension(fileName);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
    }

    /** The lower-case extension, without the dot; empty when none. */
    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether the bytes are a file of this type. */
    boolean matches(byte[] content) {
        return switch (this) {
            case PDF -> startsWith(content, PDF_MAGIC);
            case PNG -> startsWith(content, PNG_MAGIC);
            case JPEG -> startsWith(content, JPEG_MAGIC);
            case DOCX -> startsWith(content, ZIP_MAGIC) && zipHas(content, "word/document.xml");
            case XLSX -> startsWith(content, ZIP_MAGIC) && zipHas(content, "xl/workbook.xml");
            case DOC -> startsWith(content, OLE2_MAGIC) && oleHas(content, "WordDocument");
            case XLS -> startsWith(content, OLE2_MAGIC) && (oleHas(content, "Workbook") || oleHas(content, "Book"));
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean zipHas(byte[] content, String entryName) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(entryName)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException broken) {
            return false;
        }
    }

    private static boolean oleHas(byte[] content, String entryName) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry(entryName);
        } catch (IOException | RuntimeException broken) {
            return false;
        }
    }
}
