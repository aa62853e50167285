package dev.moa.membership.group;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed on one line: no control characters (tabs and line breaks included), no format characters
 * (bidirectional overrides, zero-width characters), no private-use, unassigned or lone surrogate code points, no line
 * or paragraph separators. Spaces, Hangul, emoji and other visible text pass. {@code null} passes.
 */
@Documented
@Pattern(regexp = "[^\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "must not contain control, format or invisible characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
