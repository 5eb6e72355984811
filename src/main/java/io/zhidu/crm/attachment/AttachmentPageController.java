package io.zhidu.crm.attachment;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.AnySignedInUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the fragment {@code attachments :: panel}: upload, download, remove; each returns
 * to the record's page with the outcome (a refused file: its reason, nothing stored). Open to
 * every signed-in user ON PURPOSE: the permission depends on the kind of record and is checked
 * by {@link Attachments} (403 without it, 404 outside the scope).
 */
@ScreenController
@AnySignedInUser
class AttachmentPageController {

    private final Attachments attachments;

    AttachmentPageController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/attachments/{path}/{id}")
    String upload(DataScope scope, @PathVariable String path, @PathVariable long id,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        AttachmentSubject subject = attachments.byPath(path);
        try {
            if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
                throw DomainException.invalid("file", "attachment.error.noFile");
            }
            Attachments.Item item = attachments.add(scope, subject.subjectType(), id, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("flash", "attachment.added");
            redirect.addFlashAttribute("flashArgs", new Object[] {item.fileName()});
        } catch (DomainException e) {
            refuse(e, redirect);
        }
        return "redirect:" + subject.pageUrl(id) + "#attachments";
    }

    @GetMapping("/attachments/{id}/content")
    ResponseEntity<byte[]> content(DataScope scope, @PathVariable long id) {
        return download(attachments.content(scope, id));
    }

    @PostMapping("/attachments/{id}/remove")
    String remove(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        Attachments.Item item = attachments.readable(scope, id);
        try {
            attachments.remove(scope, id);
            redirect.addFlashAttribute("flash", "attachment.removed");
            redirect.addFlashAttribute("flashArgs", new Object[] {item.fileName()});
        } catch (DomainException e) {
            refuse(e, redirect);
        }
        return "redirect:" + attachments.pageOf(item) + "#attachments";
    }

    private static void refuse(DomainException e, RedirectAttributes redirect) {
        if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
            throw e;
        }
        redirect.addFlashAttribute("refusal", e.messageKey());
        redirect.addFlashAttribute("refusalArgs", e.args());
    }

    /** The file as a download under its own name (never shown inline, never sniffed by the browser). */
    static ResponseEntity<byte[]> download(Attachments.Content c) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }
}
