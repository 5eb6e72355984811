package io.zhidu.crm.attachment;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.AnySignedInUser;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments over REST: {@code GET|POST /api/v1/{records}/{id}/attachments} (e.g.
 * {@code /api/v1/contracts/42/attachments}, multipart field {@code file}),
 * {@code GET /api/v1/attachments/{id}/content} and {@code DELETE /api/v1/attachments/{id}}.
 * Open to every signed-in user ON PURPOSE: the permission depends on the kind of record and is
 * checked by {@link Attachments} with the record's {@link AttachmentSubject} (403 without it,
 * 404 outside the scope).
 */
@RestController
@AnySignedInUser
class AttachmentApiController {

    private final Attachments attachments;

    AttachmentApiController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/{path}/{id}/attachments")
    List<Attachments.Item> list(DataScope scope, @PathVariable String path, @PathVariable long id) {
        return attachments.list(scope, attachments.byPath(path).subjectType(), id);
    }

    @PostMapping("/api/v1/{path}/{id}/attachments")
    ResponseEntity<Attachments.Item> upload(DataScope scope, @PathVariable String path, @PathVariable long id,
                                            @RequestParam(required = false) MultipartFile file) throws IOException {
        String type = attachments.byPath(path).subjectType();
        if (file == null) {
            throw DomainException.invalid("file", "attachment.error.noFile");
        }
        Attachments.Item item = attachments.add(scope, type, id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/attachments/" + item.id() + "/content")).body(item);
    }

    @GetMapping("/api/v1/attachments/{id}/content")
    ResponseEntity<byte[]> content(DataScope scope, @PathVariable long id) {
        return AttachmentPageController.download(attachments.content(scope, id));
    }

    @DeleteMapping("/api/v1/attachments/{id}")
    ResponseEntity<Void> remove(DataScope scope, @PathVariable long id) {
        attachments.remove(scope, id);
        return ResponseEntity.noContent().build();
    }
}
