package io.zhidu.crm.contract;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The product catalogue and price lists over REST: read by contract readers, kept by product managers. */
@RestController
@RequestMapping("/api/v1/products")
class ProductApiController {

    private final Catalogue catalogue;
    private final PriceListExcel priceList;
    private final org.springframework.context.MessageSource messages;

    ProductApiController(Catalogue catalogue, PriceListExcel priceList, org.springframework.context.MessageSource messages) {
        this.catalogue = catalogue;
        this.priceList = priceList;
        this.messages = messages;
    }

    /**
     * Imports a price list (.xlsx, multipart field {@code file}): 200 with the report when applied;
     * 422 problem details listing {@code errors: [{row, column, message}]} when any row is refused,
     * and then nothing was changed.
     */
    @PostMapping("/import")
    @RequiresPermission("product:manage")
    ResponseEntity<?> importPriceList(@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                                      java.util.Locale locale) throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "contract.priceList.noFile");
        }
        PriceListExcel.Report report = priceList.importFile(file.getOriginalFilename(), file.getInputStream(), locale);
        if (report.applied()) {
            return ResponseEntity.ok(report);
        }
        org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("contract.priceList.refused", new Object[] {report.errors().size()}, locale));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", report.errors());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @GetMapping
    @RequiresPermission("contract:read")
    Catalogue.Page list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int size) {
        return catalogue.page(KeysetCursor.decode(cursor), size);
    }

    @GetMapping("/{id}")
    @RequiresPermission("contract:read")
    Catalogue.Product get(@PathVariable long id) {
        return catalogue.find(id).orElseThrow(DomainException::notFound);
    }

    @PostMapping
    @RequiresPermission("product:manage")
    ResponseEntity<Catalogue.Product> create(@RequestBody Catalogue.ProductForm form) {
        Catalogue.Product p = catalogue.create(form);
        return ResponseEntity.created(URI.create("/api/v1/products/" + p.id())).body(p);
    }

    @PostMapping("/{id}/prices")
    @RequiresPermission("product:manage")
    ResponseEntity<Catalogue.Product> price(@PathVariable long id, @RequestBody Catalogue.PriceForm form) {
        return ResponseEntity.created(URI.create("/api/v1/products/" + id)).body(catalogue.addPrice(id, form));
    }
}
