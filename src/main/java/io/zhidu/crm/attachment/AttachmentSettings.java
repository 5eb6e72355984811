package io.zhidu.crm.attachment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of attachments ({@code zhidu.attachments.*}). The multipart limit
 * ({@code spring.servlet.multipart.max-file-size}) must stay above {@code maxSize}, so that a
 * file too large for an attachment is answered with this module's message.
 *
 * @param maxSize      largest file accepted (default 10 MB)
 * @param allowedTypes file types accepted, by extension: pdf, jpg, jpeg, png, doc, docx, xls, xlsx
 * @param maxPerRecord files one record may carry (keeps every list bounded)
 */
@ConfigurationProperties("zhidu.attachments")
record AttachmentSettings(@DefaultValue("10MB") DataSize maxSize,
                          @DefaultValue({"pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"}) List<String> allowedTypes,
                          @DefaultValue("50") int maxPerRecord) {
}
