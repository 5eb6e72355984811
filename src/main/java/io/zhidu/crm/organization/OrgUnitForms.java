package io.zhidu.crm.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin enters to add a unit of the organisation, on the screen and in the API. */
public final class OrgUnitForms {

    private OrgUnitForms() {
    }

    /** A subsidiary (子公司) of the group company. */
    public record CompanyForm(@NotBlank @Size(max = 200) String name) {
    }

    public record DepartmentForm(@NotNull Long companyId,
                                 @NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "{org.code.pattern}") String code,
                                 @NotBlank @Size(max = 200) String name,
                                 @NotNull DepartmentKind kind) {
    }

    /** A sales office (办事处); it belongs under a business department (业务部). */
    public record OfficeForm(@NotNull Long departmentId,
                             @NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "{org.code.pattern}") String code,
                             @NotBlank @Size(max = 200) String name,
                             @Size(max = 100) String region) {
    }
}
