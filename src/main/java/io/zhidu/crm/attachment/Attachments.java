package io.zhidu.crm.attachment;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of records. Every act first asks the record's {@link AttachmentSubject}: without its
 * read (write) permission 403, a record outside the scope 404 — and a file is reached only
 * through its record, so guessing a file's id outside the scope is 404 as well. A file is checked
 * before anything is stored: not empty, not over the size limit, an allowed type whose content is
 * what its extension says.
 */
@Service
public class Attachments {

    /** One file as lists and the API show it. */
    public record Item(long id, String subjectType, long subjectId, String fileName, String contentType, long size,
                       String sha256, String uploadedBy, java.time.Instant uploadedAt) {
    }

    /** A file to download. */
    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** What the fragment {@code attachments :: panel} shows for one record. */
    public record Panel(String path, long subjectId, List<Item> items, boolean canWrite, long maxBytes, String accept,
                        String allowedTypes) {
    }

    /** The limits a file must keep, for the upload field of a form that creates its record together with a file. */
    public record Limits(long maxBytes, String accept, String allowedTypes) {
    }

    private static final String SELECT = """
            SELECT a.id, a.subject_type, a.subject_id, a.file_name, a.content_type, a.size_bytes, a.sha256,
                   e.full_name AS uploaded_by, a.uploaded_at
            FROM attachment a LEFT JOIN employee e ON e.id = a.uploaded_by
            WHERE a.deleted_at IS NULL AND\s""";

    private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getLong("id"), rs.getString("subject_type"),
            rs.getLong("subject_id"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
            rs.getString("sha256"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());

    private final Map<String, AttachmentSubject> byType;
    private final Map<String, AttachmentSubject> byPath;
    private final AttachmentSettings settings;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    Attachments(List<AttachmentSubject> subjects, AttachmentSettings settings, JdbcClient jdbc, BusinessClock clock,
                ApplicationEventPublisher events) {
        this.byType = subjects.stream().collect(Collectors.toUnmodifiableMap(AttachmentSubject::subjectType, Function.identity()));
        this.byPath = subjects.stream().collect(Collectors.toUnmodifiableMap(AttachmentSubject::path, Function.identity()));
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The subject kind behind a URL path segment ({@code contracts}); 404 when none. */
    AttachmentSubject byPath(String path) {
        AttachmentSubject s = byPath.get(path);
        if (s == null) {
            throw DomainException.notFound();
        }
        return s;
    }

    private AttachmentSubject byType(String type) {
        AttachmentSubject s = byType.get(type);
        if (s == null) {
            throw DomainException.notFound();
        }
        return s;
    }

    /** The record's files, oldest first. */
    @Transactional(readOnly = true)
    public List<Item> list(DataScope scope, String subjectType, long subjectId) {
        AttachmentSubject s = byType(subjectType);
        requireRead(scope, s, subjectId);
        return items(s, subjectId);
    }

    private List<Item> items(AttachmentSubject s, long subjectId) {
        return jdbc.sql(SELECT + "a.subject_type = ? AND a.subject_id = ? ORDER BY a.id")
                .params(s.subjectType(), subjectId).query(ITEM).list();
    }

    /** The fragment's model for a record the user may read (404 otherwise). */
    @Transactional(readOnly = true)
    public Panel panel(DataScope scope, String subjectType, long subjectId) {
        AttachmentSubject s = byType(subjectType);
        requireRead(scope, s, subjectId);
        boolean write = Grants.can(s.writePermission()) && s.canWrite(scope, subjectId);
        return new Panel(s.path(), subjectId, items(s, subjectId), write, settings.maxSize().toBytes(), accept(),
                String.join(", ", settings.allowedTypes()));
    }

    public Limits limits() {
        return new Limits(settings.maxSize().toBytes(), accept(), String.join(", ", settings.allowedTypes()));
    }

    private String accept() {
        return settings.allowedTypes().stream().map(t -> "." + t).collect(Collectors.joining(","));
    }

    /** Checks and stores a file for a record the user may change; answers it. */
    @Transactional
    public Item add(DataScope scope, String subjectType, long subjectId, String originalName, byte[] content) {
        AttachmentSubject s = byType(subjectType);
        requireWrite(scope, s, subjectId);
        String fileName = fileName(originalName);
        FileType type = check(fileName, content);
        long count = jdbc.sql("SELECT COUNT(*) FROM attachment WHERE subject_type = ? AND subject_id = ? AND deleted_at IS NULL")
                .params(s.subjectType(), subjectId).query(Long.class).single();
        if (count >= settings.maxPerRecord()) {
            throw DomainException.conflict("attachment.error.tooMany", settings.maxPerRecord());
        }
        String sha256 = sha256(content);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO attachment (subject_type, subject_id, file_name, content_type, size_bytes, sha256, content,
                                                uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.subjectType(), subjectId, fileName, type.contentType(), (long) content.length, sha256, content,
                        scope.userId(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(new AttachmentChanged(CurrentActor.username(), "ATTACHMENT_ADDED", s.subjectType(), subjectId,
                "#" + id + " " + fileName + " (" + content.length + " bytes, sha256 " + sha256 + ")"));
        return jdbc.sql(SELECT + "a.id = ?").param(id).query(ITEM).single();
    }

    /** A file's bytes, when its record may be read. */
    @Transactional(readOnly = true)
    public Content content(DataScope scope, long id) {
        Item item = readable(scope, id);
        byte[] bytes = jdbc.sql("SELECT content FROM attachment WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
        return new Content(item.fileName(), item.contentType(), bytes);
    }

    /** Removes a file (kept, marked deleted, out of every list) from a record the user may change. */
    @Transactional
    public Item remove(DataScope scope, long id) {
        Item item = readable(scope, id);
        AttachmentSubject s = byType(item.subjectType());
        requireWrite(scope, s, item.subjectId());
        int changed = jdbc.sql("UPDATE attachment SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), scope.userId(), id).update();
        if (changed == 0) {
            throw DomainException.notFound();
        }
        events.publishEvent(new AttachmentChanged(CurrentActor.username(), "ATTACHMENT_REMOVED", s.subjectType(),
                item.subjectId(), "#" + id + " " + item.fileName()));
        return item;
    }

    /** The record page a file's forms return to. */
    String pageOf(Item item) {
        return byType(item.subjectType()).pageUrl(item.subjectId());
    }

    /** The file, when it exists and its record may be read; 404 alike when either is not so. */
    Item readable(DataScope scope, long id) {
        Item item = jdbc.sql(SELECT + "a.id = ?").param(id).query(ITEM).optional().orElseThrow(DomainException::notFound);
        AttachmentSubject s = byType.get(item.subjectType());
        if (s == null) {
            throw DomainException.notFound();
        }
        requireRead(scope, s, item.subjectId());
        return item;
    }

    private static void requireRead(DataScope scope, AttachmentSubject s, long subjectId) {
        if (!Grants.can(s.readPermission())) {
            throw DomainException.forbidden();
        }
        if (!s.canRead(scope, subjectId)) {
            throw DomainException.notFound();
        }
    }

    private static void requireWrite(DataScope scope, AttachmentSubject s, long subjectId) {
        requireRead(scope, s, subjectId);
        if (!Grants.can(s.writePermission())) {
            throw DomainException.forbidden();
        }
        if (!s.canWrite(scope, subjectId)) {
            throw DomainException.conflict("attachment.error.closed");
        }
    }

    /** The name without any path a browser sent, without control characters; at most 200 characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalid("file", "attachment.error.name");
        }
        return name;
    }

    /** The file's type when it may be stored; a clear refusal otherwise. */
    FileType check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "attachment.error.empty");
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw DomainException.invalid("file", "attachment.error.tooLarge", settings.maxSize().toMegabytes());
        }
        String ext = FileType.extension(fileName);
        FileType type = FileType.byExtension(fileName).filter(t -> settings.allowedTypes().contains(ext))
                .orElseThrow(() -> DomainException.invalid("file", "attachment.error.type", String.join(", ", settings.allowedTypes())));
        if (!type.matches(content)) {
            throw DomainException.invalid("file", "attachment.error.content", ext);
        }
        return type;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
