package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.CustomerType;
import io.zhidu.crm.customer.CustomerEnums.Scale;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer as a user enters it, on the screen and in the API (JSON names as in the issue:
 * {@code name, uscc, type, category, industry, region, address, phone, legalRepresentative,
 * ownerId, stage, tags}). {@code officeId} is not entered: it follows the owner.
 * A customer without a USCC must say why ({@code noUsccReason}, e.g. an overseas company).
 */
public record CustomerForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 30) String uscc,
        @Size(max = 200) String noUsccReason,
        @NotNull CustomerType type,
        @NotNull Category category,
        @NotNull Stage stage,
        @Size(max = 100) String industry,
        @Size(max = 100) String region,
        @Size(max = 300) String address,
        @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*", message = "{customer.phone.pattern}") String phone,
        @Size(max = 100) String legalRepresentative,
        @PastOrPresent LocalDate foundedOn,
        @Size(max = 60) String legalForm,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal registeredCapital,
        Scale scale,
        @Size(max = 500) String serviceArea,
        @Size(max = 500) String salesCapacity,
        @Size(max = 500) String potential,
        @Size(max = 500) String direction,
        @Size(max = 500) String reputation,
        @Size(max = 500) String competitors,
        @Size(max = 500) String attitude,
        @Size(max = 1000) String businessStatus,
        @Size(max = 1000) String transactionStatus,
        Long ownerId,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags) {

    public static CustomerForm empty() {
        return new CustomerForm("", "", "", CustomerType.END_USER, Category.REGULAR, Stage.PROSPECT, "", "", "", "", "",
                null, "", null, null, "", "", "", "", "", "", "", "", "", null, List.of());
    }
}
