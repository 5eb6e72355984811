package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.DecisionRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A contact as entered on the customer page and in the API. */
public record ContactForm(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String title,
        @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*", message = "{customer.phone.pattern}") String mobile,
        @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*", message = "{customer.phone.pattern}") String phone,
        @Email @Size(max = 200) String email,
        @Past LocalDate birthday,
        DecisionRole decisionRole,
        @Size(max = 2000) String personalNotes) {

    public static ContactForm empty() {
        return new ContactForm("", "", "", "", "", null, null, "");
    }
}
