package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.ETags;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.web.KeysetCursor;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import io.zhidu.crm.shared.web.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts and the organisation over REST. Reads are limited to the caller's data scope
 * (outside it: 404, as if absent); changes need {@code user:manage} and, for updates, If-Match.
 */
@RestController
@RequestMapping("/api/v1")
class UserApiController {

    private final StaffDirectory directory;
    private final OrganizationManagement management;
    private final ReportingLine line;
    private final StaffExport export;

    UserApiController(StaffDirectory directory, OrganizationManagement management, ReportingLine line, StaffExport export) {
        this.directory = directory;
        this.management = management;
        this.line = line;
        this.export = export;
    }

    record UserList(List<StaffDirectory.Row> items, String nextCursor) {
    }

    record Created(long id, long version, String temporaryPassword) {
    }

    record TemporaryPassword(String temporaryPassword) {
    }

    @GetMapping("/users")
    @RequiresPermission("user:read")
    UserList list(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) Long officeId,
                  @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) Boolean active, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir, @RequestParam(required = false) String cursor,
                  @RequestParam(defaultValue = "50") int size) {
        StaffDirectory.Page page = directory.page(scope, new StaffDirectory.Filter(q, officeId, departmentId, role, active),
                StaffDirectory.Sort.of(sort, dir), KeysetCursor.decode(cursor), size);
        return new UserList(page.rows(), page.nextCursor());
    }

    @GetMapping("/users/export")
    @RequiresPermission("user:read")
    void export(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) Long officeId,
                @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Role role,
                @RequestParam(required = false) Boolean active, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType(XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename("users.xlsx").build().toString());
        export.write(scope, new StaffDirectory.Filter(q, officeId, departmentId, role, active), StaffDirectory.Sort.of(sort, dir),
                locale, response.getOutputStream());
    }

    @GetMapping("/users/{id}")
    @RequiresPermission("user:read")
    ResponseEntity<StaffDirectory.Row> get(DataScope scope, @PathVariable long id) {
        StaffDirectory.Row row = directory.find(scope, id).orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(ETags.of(row.version())).body(row);
    }

    @PostMapping("/users")
    @RequiresPermission("user:manage")
    ResponseEntity<Created> create(DataScope scope, @Valid @RequestBody UserForm form) {
        OrganizationManagement.Registered r = management.register(form);
        long version = directory.find(scope, r.id()).map(StaffDirectory.Row::version).orElse(0L);
        return ResponseEntity.created(URI.create("/api/v1/users/" + r.id())).eTag(ETags.of(version))
                .body(new Created(r.id(), version, r.temporaryPassword()));
    }

    @PutMapping("/users/{id}")
    @RequiresPermission("user:manage")
    ResponseEntity<StaffDirectory.Row> update(DataScope scope, @PathVariable long id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody UserForm form) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        management.update(id, ETags.required(ifMatch), form);
        StaffDirectory.Row row = directory.find(scope, id).orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(ETags.of(row.version())).body(row);
    }

    @PostMapping("/users/{id}/deactivate")
    @RequiresPermission("user:manage")
    ResponseEntity<Void> deactivate(DataScope scope, @PathVariable long id) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        management.deactivate(id, scope.userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{id}/reactivate")
    @RequiresPermission("user:manage")
    ResponseEntity<Void> reactivate(DataScope scope, @PathVariable long id) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        management.reactivate(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{id}/reset-password")
    @RequiresPermission("user:manage")
    TemporaryPassword resetPassword(DataScope scope, @PathVariable long id) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        return new TemporaryPassword(management.resetPassword(id));
    }

    @GetMapping("/users/{id}/reporting-line")
    @RequiresPermission("user:read")
    List<ReportingLine.Link> chain(DataScope scope, @PathVariable long id) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        return directory.visible(scope, line.chainUp(id));
    }

    @GetMapping("/users/{id}/subordinates")
    @RequiresPermission("user:read")
    List<ReportingLine.Link> subordinates(DataScope scope, @PathVariable long id) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        return directory.visible(scope, line.subordinates(id));
    }
}
