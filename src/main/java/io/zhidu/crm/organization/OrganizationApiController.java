package io.zhidu.crm.organization;

import io.zhidu.crm.shared.web.RequiresPermission;
import io.zhidu.crm.shared.DomainException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's units over REST: anyone with {@code user:read} lists them, admins add them. */
@RestController
@RequestMapping("/api/v1/org")
class OrganizationApiController {

    private final OrganizationManagement management;

    OrganizationApiController(OrganizationManagement management) {
        this.management = management;
    }

    /** A unit: company (kind GROUP or SUBSIDIARY), department (its kind) or office (kind OFFICE); parent is the unit above. */
    record Unit(long id, String name, String code, Long parentId, String kind) {
        static Unit of(Company c) {
            return new Unit(c.getId(), c.getName(), null, c.getParentId(), c.isGroupHead() ? "GROUP" : "SUBSIDIARY");
        }

        static Unit of(Department d) {
            return new Unit(d.getId(), d.getName(), d.getCode(), d.getCompanyId(), d.getKind().name());
        }

        static Unit of(Office o) {
            return new Unit(o.getId(), o.getName(), o.getCode(), o.getDepartmentId(), "OFFICE");
        }
    }

    @GetMapping("/companies")
    @RequiresPermission("user:read")
    List<Unit> companies() {
        return management.companies().stream().map(Unit::of).toList();
    }

    @GetMapping("/departments")
    @RequiresPermission("user:read")
    List<Unit> departments() {
        return management.departments().stream().map(Unit::of).toList();
    }

    @GetMapping("/offices")
    @RequiresPermission("user:read")
    List<Unit> offices() {
        return management.offices().stream().map(Unit::of).toList();
    }

    @GetMapping("/companies/{id}")
    @RequiresPermission("user:read")
    Unit company(@PathVariable long id) {
        return management.companies().stream().filter(c -> c.getId() == id).findFirst().map(Unit::of)
                .orElseThrow(DomainException::notFound);
    }

    @GetMapping("/departments/{id}")
    @RequiresPermission("user:read")
    Unit department(@PathVariable long id) {
        return management.departments().stream().filter(d -> d.getId() == id).findFirst().map(Unit::of)
                .orElseThrow(DomainException::notFound);
    }

    @GetMapping("/offices/{id}")
    @RequiresPermission("user:read")
    Unit office(@PathVariable long id) {
        return management.offices().stream().filter(o -> o.getId() == id).findFirst().map(Unit::of)
                .orElseThrow(DomainException::notFound);
    }

    @PostMapping("/companies")
    @RequiresPermission("user:manage")
    ResponseEntity<Unit> addCompany(@Valid @RequestBody OrgUnitForms.CompanyForm form) {
        Company c = management.createSubsidiary(form);
        return ResponseEntity.created(URI.create("/api/v1/org/companies/" + c.getId())).body(Unit.of(c));
    }

    @PostMapping("/departments")
    @RequiresPermission("user:manage")
    ResponseEntity<Unit> addDepartment(@Valid @RequestBody OrgUnitForms.DepartmentForm form) {
        Department d = management.createDepartment(form);
        return ResponseEntity.created(URI.create("/api/v1/org/departments/" + d.getId())).body(Unit.of(d));
    }

    @PostMapping("/offices")
    @RequiresPermission("user:manage")
    ResponseEntity<Unit> addOffice(@Valid @RequestBody OrgUnitForms.OfficeForm form) {
        Office o = management.createOffice(form);
        return ResponseEntity.created(URI.create("/api/v1/org/offices/" + o.getId())).body(Unit.of(o));
    }
}
