package io.salespulse.kit.web;

import com.mongodb.MongoException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 {@code application/problem+json}: validation errors list each bad field, storage
 * outages answer 503 so callers retry, and nothing ever shows a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final URI VALIDATION = URI.create("urn:salespulse:problem:validation");
    static final URI NOT_FOUND = URI.create("urn:salespulse:problem:not-found");
    static final URI UNAUTHORIZED = URI.create("urn:salespulse:problem:unauthorized");
    static final URI FORBIDDEN = URI.create("urn:salespulse:problem:forbidden");
    static final URI TOO_MANY = URI.create("urn:salespulse:problem:too-many-requests");
    static final URI TOO_LARGE = URI.create("urn:salespulse:problem:too-large");
    static final URI UNAVAILABLE = URI.create("urn:salespulse:problem:unavailable");
    static final URI CHANGED = URI.create("urn:salespulse:problem:changed-meanwhile");

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return validationProblem(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, e.scheme())
                .body(unauthorizedProblem(e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbiddenProblem(e.getMessage()));
    }

    /** The 403 body. (The security filters write theirs themselves, with the same type and title.) */
    public static ProblemDetail forbiddenProblem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(FORBIDDEN);
        problem.setTitle("Forbidden");
        return problem;
    }

    /** The 401 body. (The security filters write theirs themselves, with the same type and title.) */
    public static ProblemDetail unauthorizedProblem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        return problem;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return retryLater(
                HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, "Too many requests", e.getMessage(), e.retryAfterSeconds());
    }

    /** A refusal the caller should send again after {@code Retry-After} seconds. */
    private static ResponseEntity<ProblemDetail> retryLater(
            HttpStatus status, URI type, String title, String detail, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(problem);
    }

    /** A stale write: 412 with the record's current ETag (and the field it concerns, If-Match), nothing written. */
    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(PreconditionFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        problem.setType(CHANGED);
        problem.setTitle("Changed meanwhile");
        problem.setProperty("field", Revisions.IF_MATCH);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.PRECONDITION_FAILED);
        if (e.currentEtag() != null) {
            answer.eTag(e.currentEtag());
        }
        return answer.body(problem);
    }

    /**
     * A request the firewall refuses once a controller reads it (a form body whose parameter names hold line breaks,
     * say): 400, never a 500.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request holds a name or a character that is not allowed; send the body as the endpoint describes it.");
        problem.setType(VALIDATION);
        problem.setTitle("Bad request");
        return problem;
    }

    /** A multipart body that does not parse (no SalesPulse endpoint takes multipart): 415, as for any unsupported type. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "A multipart body is not taken here: send the body as the endpoint describes it (application/json, text/csv...).");
        problem.setType(VALIDATION);
        problem.setTitle("Unsupported media type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setType(TOO_LARGE);
        problem.setTitle("Content too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    /** A part the request needs is away: what failed was not acknowledged, and the caller should retry. */
    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        log.warn("Unavailable: {}", e.getMessage());
        return retryLater(
                HttpStatus.SERVICE_UNAVAILABLE,
                UNAVAILABLE,
                "Service unavailable",
                e.getMessage(),
                e.retryAfterSeconds());
    }

    /** The store could not be reached: nothing was accepted, and the caller should retry. */
    @ExceptionHandler({DataAccessException.class, MongoException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException e) {
        log.warn("Storage unavailable: {}", e.getMessage());
        return retryLater(
                HttpStatus.SERVICE_UNAVAILABLE,
                UNAVAILABLE,
                "Service unavailable",
                "Storage is unavailable; nothing was accepted. Retry later.",
                5);
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A body validated beside a constrained path variable comes as ParameterErrors: name its fields, not "request".
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors && errors.hasFieldErrors()
                        ? errors.getFieldErrors().stream()
                                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(error -> new FieldProblem(
                                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(validationProblem(List.of(unreadable(e))));
    }

    /** The field a body could not be read at (a date that is not one, a value outside an enum), else the body. */
    static FieldProblem unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof tools.jackson.core.JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (tools.jackson.core.JacksonException.Reference step : jackson.getPath()) {
                if (step.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
                } else if (step.getIndex() >= 0) {
                    field.append('[').append(step.getIndex()).append(']');
                }
            }
            if (!field.isEmpty()) {
                if (jackson instanceof tools.jackson.databind.exc.InvalidFormatException format
                        && format.getTargetType() != null
                        && format.getTargetType().isEnum()) {
                    String values = java.util.Arrays.stream(
                                    format.getTargetType().getEnumConstants())
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", "));
                    return new FieldProblem(field.toString(), "must be one of " + values);
                }
                return new FieldProblem(field.toString(), "has a value of the wrong shape");
            }
        }
        return new FieldProblem("body", "is not readable JSON of the expected shape");
    }

    static ProblemDetail validationProblem(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                problems.size() == 1
                        ? problems.get(0).field() + " " + problems.get(0).message()
                        : problems.size() + " fields are invalid");
        problem.setType(VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }
}
