package io.contactcenter.events.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body that is just {@code null} reads as a null entity, which no operation of the suite accepts (each
 * expects an object or array) and which would otherwise reach a resource as a null argument. Rejected here for
 * every service with a 400; an empty body is left to the operation, as before.
 */
@Provider
public class NullBodyInterceptor implements ReaderInterceptor {

    private static final int PEEK = 16;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.getSubtype().toLowerCase().contains("json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length <= PEEK && new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
            throw new BadRequestException("The request body is JSON null; this operation needs a JSON object.");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
