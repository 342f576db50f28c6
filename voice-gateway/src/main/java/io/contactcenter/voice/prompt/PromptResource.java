package io.contactcenter.voice.prompt;

import io.contactcenter.voice.media.AudioTools;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Prompts the IVR's {@code play} actions name: hold music, recorded announcements. Uploads are WAV of any rate. */
@Path("/voice/prompts")
public class PromptResource {

    private static final int MAX_SECONDS = 600;

    private final PromptStore prompts;

    public PromptResource(PromptStore prompts) {
        this.prompts = prompts;
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    public Uni<List<PromptStore.PromptView>> list() {
        return prompts.list();
    }

    @PUT
    @Path("/{name}")
    @Consumes({"audio/wav", "audio/x-wav", "audio/wave"})
    @RolesAllowed({"supervisor", "admin"})
    @Blocking
    public Uni<PromptStore.PromptView> upload(
            @PathParam("name") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "letters, digits, '.', '_' or '-', at most 64") String name,
            byte[] wav) {
        if (wav == null || wav.length < 44) {
            throw new BadRequestException("body: a WAV file is required");
        }
        short[] pcm;
        try {
            pcm = AudioTools.to8k(wav);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadRequestException("body: not a readable WAV file (" + e.getMessage() + ")");
        }
        if (pcm.length == 0 || pcm.length > MAX_SECONDS * 8000) {
            throw new BadRequestException("body: a prompt lasts between a moment and " + MAX_SECONDS + " seconds");
        }
        return prompts.save(name, pcm);
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<RestResponse<Void>> delete(@PathParam("name") String name) {
        return prompts.delete(name).map(found -> {
            if (!found) {
                throw new NotFoundException("No prompt '" + name + "'.");
            }
            return RestResponse.noContent();
        });
    }
}
