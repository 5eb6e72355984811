package io.zhidu.crm.customer;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Excel on the screens: export of the filtered list, the import template, upload with a progress bar and the row report. */
@ScreenController
class CustomerFilesController {

    private final CustomerExport export;
    private final CustomerImport importer;
    private final CustomerImportJobs jobs;

    CustomerFilesController(CustomerExport export, CustomerImport importer, CustomerImportJobs jobs) {
        this.export = export;
        this.importer = importer;
        this.jobs = jobs;
    }

    @GetMapping("/customers/export")
    @RequiresPermission("customer:edit")
    void export(DataScope scope, CustomerSearch.Params params, Locale locale, HttpServletResponse response) throws IOException {
        attachment(response, "customers.xlsx");
        export.write(scope, params.filter(), locale, response.getOutputStream());
    }

    @GetMapping("/customers/import/template")
    @RequiresPermission("customer:edit")
    void template(Locale locale, HttpServletResponse response) throws IOException {
        attachment(response, "customer-import-template.xlsx");
        importer.template(locale, response.getOutputStream());
    }

    @GetMapping("/customers/import")
    @RequiresPermission("customer:edit")
    String importPage() {
        return "customer-import";
    }

    @PostMapping("/customers/import")
    @RequiresPermission("customer:edit")
    String upload(DataScope scope, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "all") String mode, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "customers.import.noFile");
            return "customer-import";
        }
        String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
        long id = jobs.start(scope, name.length() > 200 ? name.substring(0, 200) : name, file.getBytes(),
                CustomerImport.Mode.of(mode));
        return "redirect:/customers/import/" + id;
    }

    @GetMapping("/customers/import/{id}")
    @RequiresPermission("customer:edit")
    String job(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("job", jobs.find(id, scope.userId()).orElseThrow(DomainException::notFound));
        return "customer-import-job";
    }

    /** The progress fragment the job page polls (htmx) until the job is done. */
    @GetMapping("/customers/import/{id}/progress")
    @RequiresPermission("customer:edit")
    String progress(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("job", jobs.find(id, scope.userId()).orElseThrow(DomainException::notFound));
        return "customer-import-job :: progress";
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString());
    }

    @Bean
    static NavItem importNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.customers.import", "/customers/import", "file-earmark-arrow-up", "customer:edit", 30);
    }
}
