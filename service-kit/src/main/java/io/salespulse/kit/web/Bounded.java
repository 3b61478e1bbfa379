package io.salespulse.kit.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An id or a name, as every entrance takes them: at most {@value #MAX_LENGTH} characters, no control characters.
 * Bean Validation's counterpart of {@code FieldReader}'s text bounds.
 */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Size(max = Bounded.MAX_LENGTH)
@Pattern(regexp = "[^\\p{Cntrl}]*")
@ReportAsSingleViolation
public @interface Bounded {

    int MAX_LENGTH = 256;

    String message() default "must be at most 256 characters, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
