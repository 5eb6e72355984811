package io.zhidu.crm.shared.web;

import io.zhidu.crm.shared.DomainException;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/** Puts a refusal on the form: on its field when the form has one of that name, else above the form. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult errors, DomainException e) {
        if (e.field() != null) {
            try {
                errors.rejectValue(e.field(), e.messageKey(), e.args(), null);
                return;
            } catch (NotReadablePropertyException notAFormField) {
                // e.g. a policy setting, shown beside its own input: fall through to a form-level error
            }
        }
        errors.reject(e.messageKey(), e.args(), null);
    }
}
