package io.contactcenter.events.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects request URIs that carry control characters (a NUL byte, CR/LF, escape...) in any service, before a
 * resource sees them: no id, name or filter of the suite may contain one, and PostgreSQL refuses NUL in text,
 * which would otherwise surface as a 500 deep in a query.
 */
public class HostileInput {

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Problem>> rejectControlCharacters(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (hasControl(path)) {
            return Optional.of(bad(path, "The request path contains a control character (such as %00); ids and names"
                    + " are printable text."));
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (hasControl(e.getKey()) || e.getValue().stream().anyMatch(HostileInput::hasControl)) {
                return Optional.of(bad(path, "Query parameter '" + printable(e.getKey()) + "' contains a control"
                        + " character (such as %00); send printable text."));
            }
        }
        return Optional.empty();
    }

    /** C0 controls and DEL; a tab is a control too, as no id or name of ours contains one. */
    static boolean hasControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().limit(64).forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static RestResponse<Problem> bad(String path, String detail) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST,
                new Problem("about:blank", "Invalid request URI", 400, detail, printable(path), null))
                .type(Problem.MEDIA_TYPE).build();
    }
}
