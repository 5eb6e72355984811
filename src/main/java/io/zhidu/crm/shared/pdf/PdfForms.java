package io.zhidu.crm.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printable forms as PDF: a Thymeleaf template under {@code templates/pdf/} rendered by
 * openhtmltopdf with a CJK font embedded (WenQuanYi Micro Hei from Debian's fonts-wqy-microhei by
 * default; {@code zhidu.pdf.font} points elsewhere). Without the font the PDF is still produced,
 * but Chinese text cannot show: a warning says so at start-up.
 */
@Component
public class PdfForms {

    private static final Logger log = LoggerFactory.getLogger(PdfForms.class);
    public static final String FONT_FAMILY = "WenQuanYi Micro Hei";

    private final TemplateEngine templates;
    private final File font;

    PdfForms(TemplateEngine templates, @Value("${zhidu.pdf.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font) {
        this.templates = templates;
        this.font = new File(font);
        if (!this.font.canRead()) {
            log.warn("PDF font {} not found: Chinese text in PDF forms will not show. Install fonts-wqy-microhei "
                    + "or set zhidu.pdf.font.", font);
        }
    }

    /** Renders {@code templates/pdf/<name>.html} with the model, in the given language. */
    public byte[] render(String name, Map<String, Object> model, Locale locale) {
        Context context = new Context(locale, model);
        String html = templates.process("pdf/" + name, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (font.canRead()) {
                builder.useFont(font, FONT_FAMILY);
            }
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PDF rendering failed for " + name, e);
        }
    }
}
