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

    ProductApiController(Catalogue catalogue) {
        this.catalogue = catalogue;
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
