package io.zhidu.crm.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A staff account as an admin enters it, on the screen and in the API. On update the username
 * is ignored (it never changes) and a blank password leaves the password as it is; on create a
 * blank password makes the system generate a temporary one, shown once.
 */
public record UserForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{2,50}", message = "{user.username.pattern}") String username,
        @NotBlank @Size(max = 100) String fullName,
        @Email @Size(max = 200) String email,
        @Size(max = 40) String phone,
        @NotNull Long departmentId,
        Long officeId,
        Long supervisorId,
        @NotEmpty Set<@NotNull Role> roles,
        @Size(max = 128) String password) {

    public static UserForm empty() {
        return new UserForm("", "", "", "", null, null, null, Set.of(), "");
    }
}
