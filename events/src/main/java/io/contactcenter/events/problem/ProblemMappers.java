package io.contactcenter.events.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service leaves as {@code application/problem+json}, never with a stack trace.
 * Unexpected failures are logged with an error id that the response carries, so on-call can find them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(problem(401, "Authentication required",
                "Send a valid bearer token (JWT) in the Authorization header.", uri, null),
                HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(problem(401, "Authentication failed",
                "The bearer token is invalid, expired or not signed by a trusted key.", uri, null),
                HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(problem(403, "Forbidden", "Your role may not perform this operation.", uri, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(problem(400, "Invalid request", errors.size() + " invalid field(s); see errors.", uri, errors));
    }

    /** Declared for the subtype too: Quarkus ships its own mapper for it, and ours must win. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        String where = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? " at '" + m.getPathReference().replaceAll(".*\\[\"?", "").replaceAll("\"?]$", "") + "'"
                : "";
        String detail = e instanceof InvalidFormatException f
                ? "Value '" + f.getValue() + "'" + where + " is not a valid " + f.getTargetType().getSimpleName() + "."
                : "The request body is not valid JSON for this operation" + where + ".";
        return respond(problem(400, "Malformed request body", detail, uri, null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Request failed";
        return respond(problem(status, title, e.getMessage(), uri, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        Optional<io.vertx.pgclient.PgException> data = dataException(e);
        if (data.isPresent()) {
            // SQLSTATE class 22 (a value too long, out of range, not valid text...): the request's value, not us
            return respond(problem(400, "Invalid value",
                    "A value in the request cannot be stored: " + data.get().getErrorMessage() + ".", uri, null));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return respond(problem(500, "Internal error",
                "The request could not be completed; quote error id " + errorId + " when reporting it.", uri, null));
    }

    /** A PostgreSQL "data exception" anywhere in the cause chain (reactive client, Hibernate Reactive). */
    static Optional<io.vertx.pgclient.PgException> dataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return Optional.of(pg);
            }
        }
        return Optional.empty();
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.arg0.queueId" → "queueId": callers know their body, not our method names
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static Problem problem(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return new Problem("about:blank", title, status, detail, uri.getPath(), errors);
    }

    private static RestResponse<Problem> respond(Problem p, String... header) {
        var builder = RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(p.status()), p)
                .type(Problem.MEDIA_TYPE);
        if (header.length == 2) {
            builder.header(header[0], header[1]);
        }
        return builder.build();
    }
}
