package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.CustomerType;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.ETags;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The archive over REST. Every call is confined to the caller's data scope: a customer outside
 * it answers 404, exactly as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

    private final CustomerSearch search;
    private final CustomerManagement management;
    private final CustomerContacts contacts;
    private final CustomerHistory history;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final CustomerExport export;
    private final CustomerImport importer;
    private final CustomerFinancials financials;

    CustomerApiController(CustomerSearch search, CustomerManagement management, CustomerContacts contacts,
                          CustomerHistory history, ApplicationEventPublisher events, java.time.Clock clock,
                          CustomerExport export, CustomerImport importer, CustomerFinancials financials) {
        this.financials = financials;
        this.export = export;
        this.importer = importer;
        this.search = search;
        this.management = management;
        this.contacts = contacts;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    record CustomerList(List<CustomerSearch.Row> items, String nextCursor) {
    }

    record Created(long id, long version) {
    }

    @GetMapping
    @RequiresPermission("customer:read")
    CustomerList list(DataScope scope, CustomerSearch.Params params, @RequestParam(required = false) String cursor,
                      @RequestParam(defaultValue = "50") int size) {
        CustomerSearch.Page page = search.page(scope, params.filter(), params.order(), KeysetCursor.decode(cursor), size);
        return new CustomerList(page.rows(), page.nextCursor());
    }

    @GetMapping("/export")
    @RequiresPermission("customer:edit")
    void export(DataScope scope, CustomerSearch.Params params, java.util.Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setContentType(io.zhidu.crm.shared.excel.XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                .filename("customers.xlsx").build().toString());
        export.write(scope, params.filter(), locale, response.getOutputStream());
    }

    /** Imports a file at once and answers the row report ({@code mode=all|valid-rows}). */
    @PostMapping("/import")
    @RequiresPermission("customer:edit")
    CustomerImport.Report importFile(DataScope scope, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                                     @RequestParam(defaultValue = "all") String mode) throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "customers.import.noFile");
        }
        return importer.run(scope, file.getOriginalFilename(), file.getInputStream(), CustomerImport.Mode.of(mode), CustomerImport.Progress.NONE);
    }

    @GetMapping("/{id}")
    @RequiresPermission("customer:read")
    ResponseEntity<Map<String, Object>> get(DataScope scope, @PathVariable long id) {
        CustomerSearch.Detail d = search.detail(scope, id).orElseThrow(DomainException::notFound);
        events.publishEvent(new CustomerChanged(CurrentActor.username(), CustomerChanged.VIEWED, id, "api"));
        return ResponseEntity.ok().eTag(ETags.of(d.customer().getVersion())).body(body(d.row(), d.customer()));
    }

    @PostMapping
    @RequiresPermission("customer:edit")
    ResponseEntity<Created> create(DataScope scope, @Valid @RequestBody CustomerForm form) {
        Customer c = management.register(scope, form);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + c.getId())).eTag(ETags.of(c.getVersion()))
                .body(new Created(c.getId(), c.getVersion()));
    }

    @PutMapping("/{id}")
    @RequiresPermission("customer:edit")
    ResponseEntity<Map<String, Object>> update(DataScope scope, @PathVariable long id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody CustomerForm form) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        long expected = ETags.required(ifMatch);
        management.update(scope, id, expected, form);
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        Customer c = management.load(id).orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(ETags.of(c.getVersion())).body(body(row, c));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("customer:delete")
    ResponseEntity<Void> delete(DataScope scope, @PathVariable long id) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        management.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    @RequiresPermission("customer:delete")
    ResponseEntity<Void> restore(DataScope scope, @PathVariable long id) {
        search.find(scope, id, true).orElseThrow(DomainException::notFound);
        management.restore(id);
        return ResponseEntity.noContent().build();
    }

    record PurgeRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /** Erases a binned customer for good (admin, PIPL), with the reason in the audit log. */
    @PostMapping("/{id}/purge")
    @RequiresPermission("customer:purge")
    ResponseEntity<Void> purge(DataScope scope, @PathVariable long id, @Valid @RequestBody PurgeRequest request) {
        search.find(scope, id, true).orElseThrow(DomainException::notFound);
        management.purge(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/financials")
    @RequiresPermission("customer:read")
    List<CustomerFinancials.Year> financials(DataScope scope, @PathVariable long id) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        return financials.of(id);
    }

    /** Enters or corrects one year's figures ({@code year} in the body). */
    @PutMapping("/{id}/financials")
    @RequiresPermission("customer:edit")
    CustomerFinancials.Year recordFinancials(DataScope scope, @PathVariable long id, @Valid @RequestBody CustomerFinancials.Form form) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        return financials.record(id, form);
    }

    @GetMapping("/{id}/history")
    @RequiresPermission("customer:read")
    List<CustomerHistory.Change> history(DataScope scope, @PathVariable long id) {
        search.find(scope, id, true).orElseThrow(DomainException::notFound);
        return history.timeline(id, 500);
    }

    /** The archive's fields as they stood at the end of {@code date} (company time zone). */
    @GetMapping("/{id}/as-of")
    @RequiresPermission("customer:read")
    Map<String, String> asOf(DataScope scope, @PathVariable long id,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        search.find(scope, id, true).orElseThrow(DomainException::notFound);
        Customer c = management.load(id).orElseThrow(DomainException::notFound);
        ZoneId zone = clock.getZone();
        Map<String, String> state = history.asOf(id, c.snapshot(), date.plusDays(1).atStartOfDay(zone).toInstant());
        if (state.isEmpty()) {
            throw DomainException.notFound();
        }
        return state;
    }

    @GetMapping("/{id}/contacts")
    @RequiresPermission("customer:read")
    List<CustomerContacts.View> contacts(DataScope scope, @PathVariable long id) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        return contacts.of(id, contacts.inOwningLine(scope.userId(), row.ownerId()));
    }

    @PostMapping("/{id}/contacts")
    @RequiresPermission("customer:edit")
    ResponseEntity<CustomerContacts.View> addContact(DataScope scope, @PathVariable long id, @Valid @RequestBody ContactForm form) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        CustomerContacts.View view = contacts.add(id, form, contacts.inOwningLine(scope.userId(), row.ownerId()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/contacts/" + view.id())).body(view);
    }

    @PutMapping("/{id}/contacts/{contactId}")
    @RequiresPermission("customer:edit")
    CustomerContacts.View updateContact(DataScope scope, @PathVariable long id, @PathVariable long contactId,
                                        @Valid @RequestBody ContactForm form) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        return contacts.update(id, contactId, form, contacts.inOwningLine(scope.userId(), row.ownerId()));
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    @RequiresPermission("customer:edit")
    ResponseEntity<Void> removeContact(DataScope scope, @PathVariable long id, @PathVariable long contactId) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        contacts.remove(id, contactId);
        return ResponseEntity.noContent().build();
    }

    /** The list row plus every archive field, in the API's field names. */
    private static Map<String, Object> body(CustomerSearch.Row row, Customer c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", row.id());
        m.put("version", c.getVersion());
        m.putAll(c.snapshot());
        m.put("tags", row.tags());
        m.put("registeredCapital", c.getRegisteredCapital() == null ? null
                : c.getRegisteredCapital().setScale(2, java.math.RoundingMode.HALF_UP));
        m.put("grade", row.grade());
        m.put("ownerId", row.ownerId());
        m.put("ownerName", row.ownerName());
        m.put("officeId", row.officeId());
        m.put("officeName", row.officeName());
        m.put("updatedAt", row.updatedAt());
        return m;
    }
}
