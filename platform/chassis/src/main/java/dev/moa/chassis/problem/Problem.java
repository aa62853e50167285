package dev.moa.chassis.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

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
}
