package dev.moa.chassis.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type     stable URI naming the kind of problem; clients switch on it
 * @param title    short summary of the kind
 * @param status   the HTTP status
 * @param detail   what went wrong this time, for a human
 * @param instance the request path
 * @param errors   one entry per invalid field, for validation problems
 * @param errorId  for 500s only: the id under which the cause was logged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://moa.dev/problems/";

    /** One violated constraint. */
    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** A domain problem's answer to the request at {@code path}. */
    public static Problem of(ProblemException e, String path) {
        return new Problem(type(e.slug()), e.title(), e.status(), e.getMessage(), path, null, null);
    }

    /** 401: no token, or one that did not verify (the answer also carries {@code WWW-Authenticate: Bearer}). */
    public static Problem unauthenticated(String path) {
        return new Problem(type("unauthenticated"), "Unauthenticated", 401, "A valid bearer token is required", path,
                null, null);
    }

    /** 403: a verified caller whose roles do not allow the operation. */
    public static Problem forbidden(String path) {
        return new Problem(type("forbidden"), "Forbidden", 403, "Your role does not allow this operation", path, null,
                null);
    }

    /** 400: a body that is not JSON, or not JSON of the operation's shape (naming the field when Jackson knows it). */
    public static Problem malformedJson(JsonProcessingException e, String path) {
        String detail = "The request body is not valid JSON for this operation";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail += " (at " + mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")) + ")";
        }
        return new Problem(type("malformed-json"), "Malformed request body", 400, detail, path, null, null);
    }

    /** 400: one entry per violated constraint, sorted by field, and all of them in the detail. */
    public static Problem invalid(Collection<? extends ConstraintViolation<?>> violations, String path) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new Problem(type("validation"), "Invalid request", 400, detail, path, errors, null);
    }

    /** The field as a client knows it: a method parameter's {@code create.arg0.amount} becomes {@code amount}. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    /** 500: names only the id under which the cause was logged. */
    public static Problem internal(String errorId, String path) {
        return new Problem(type("internal-error"), "Internal error", 500,
                "Something went wrong on our side; quote the error id when reporting it", path, null, errorId);
    }
}
