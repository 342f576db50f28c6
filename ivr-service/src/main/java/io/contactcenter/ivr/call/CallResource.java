package io.contactcenter.ivr.call;

import io.contactcenter.events.phone.PhoneNumbers;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The telephony edge's webhook API, as voice platforms use it: a call arrives, then every caller action (keys,
 * speech, silence, hang-up) or edge notice (prompt played, agent hung up) is posted and answered with the next actions.
 */
@Path("/ivr/calls")
@Blocking
public class CallResource {

    private final CallService calls;

    public CallResource(CallService calls) {
        this.calls = calls;
    }

    public record NewCall(@NotBlank @Size(max = 128) String callId, @Size(max = 32) String from, @NotBlank @Size(max = 32) String to) {
    }

    public record Speech(@Size(max = 1000) String text, @DecimalMin("0") @DecimalMax("1") Double confidence) {
    }

    public record Event(
            @NotNull @Pattern(regexp = "digits|speech|timeout|hangup|played|agent-ended",
                    message = "must be digits, speech, timeout, hangup, played or agent-ended") String type,
            @Size(max = 64) @Pattern(regexp = "[0-9*#]*", message = "keys 0-9, * and # only") String digits,
            @Valid Speech speech) {
    }

    @POST
    @RolesAllowed({"telephony", "service"})
    public CallService.Turn start(@Valid @NotNull NewCall call) {
        String to;
        try {
            to = PhoneNumbers.requireE164(call.to());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("to: " + e.getMessage());
        }
        String from = call.from();
        try {
            from = from == null ? null : PhoneNumbers.toE164(from, null);
        } catch (IllegalArgumentException anonymous) {
            from = "anonymous"; // withheld or unparseable caller id: the call is still answered
        }
        return calls.start(call.callId(), from, to);
    }

    @POST
    @Path("/{sessionId}/events")
    @RolesAllowed({"telephony", "service"})
    public CallService.Turn event(@PathParam("sessionId") String sessionId, @Valid @NotNull Event event) {
        if ("digits".equals(event.type()) && (event.digits() == null || event.digits().isEmpty())) {
            throw new BadRequestException("digits: required for type digits");
        }
        if ("speech".equals(event.type()) && event.speech() == null) {
            throw new BadRequestException("speech: required for type speech ({text, confidence})");
        }
        return calls.event(sessionId, new CallService.EdgeEvent(event.type(), event.digits(),
                event.speech() == null ? null : event.speech().text(), event.speech() == null ? null : event.speech().confidence()));
    }
}
