package io.contactcenter.ivr.store;

import io.contactcenter.events.problem.Problem;
import io.contactcenter.ivr.flow.Action;
import io.contactcenter.ivr.flow.FlowDocument;
import io.contactcenter.ivr.flow.FlowEngine;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Versioned call flows: upload (JSON or YAML) as a draft, publish, list versions, roll back, dry-run. */
@Path("/ivr/flows")
public class FlowResource {

    private final FlowStore store;
    private final SecurityIdentity identity;

    public FlowResource(FlowStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    @PUT
    @Path("/{flowId}")
    @Consumes({"application/json", "application/yaml", "application/x-yaml", "text/yaml"})
    @RolesAllowed({"supervisor", "admin"})
    public Uni<FlowVersionView> upload(@PathParam("flowId") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
            message = "must be 1-64 letters, digits, '-' or '_'") String flowId, @HeaderParam("Content-Type") String type,
            @NotNull @Size(max = 512_000, message = "at most 500 kB") String source) {
        return store.saveDraft(flowId, source, type != null && type.contains("yaml"), identity.getPrincipal().getName());
    }

    @GET
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<List<Map<String, Object>>> list() {
        return store.list();
    }

    /** The active version, or {@code ?version=N}. */
    @GET
    @Path("/{flowId}")
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<FlowVersionView> get(@PathParam("flowId") String flowId, @QueryParam("version") Integer version) {
        return store.version(flowId, version).onItem().ifNull().failWith(() -> new NotFoundException(version == null
                ? "Flow '" + flowId + "' has no published version." : "Flow '" + flowId + "' has no version " + version + "."));
    }

    @GET
    @Path("/{flowId}/versions")
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<List<FlowVersionView>> versions(@PathParam("flowId") String flowId) {
        return store.versions(flowId).invoke(list -> {
            if (list.isEmpty()) {
                throw new NotFoundException("No flow '" + flowId + "'.");
            }
        });
    }

    @POST
    @Path("/{flowId}/publish")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<FlowVersionView> publish(@PathParam("flowId") String flowId) {
        return store.publish(flowId);
    }

    public record Rollback(@NotNull Integer version) {
    }

    @POST
    @Path("/{flowId}/rollback")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<FlowVersionView> rollback(@PathParam("flowId") String flowId, @Valid @NotNull Rollback r) {
        return store.rollback(flowId, r.version());
    }

    /** A scripted input of a dry run. */
    public record Input(@NotNull @Pattern(regexp = "digits|speech|timeout|hangup") String type, String digits, String text,
            Double confidence) {
    }

    /**
     * A dry run: {@code crm} is what the lookup returns (absent: unknown caller; {@code crmDown}: it times out),
     * {@code hoursOpen} and {@code queueEwt} what routing says per queue, {@code now} the fixed clock.
     */
    public record Simulation(Integer version, String caller, String dialed, Map<String, Object> crm, Boolean crmDown,
            Map<String, Boolean> hoursOpen, Map<String, Double> queueEwt, Instant now,
            @NotNull @Size(max = 200) List<@Valid Input> inputs) {
    }

    public record SimulatedStep(Input input, List<String> entered, List<Action> actions, List<FlowEngine.Rejected> rejected) {
    }

    public record SimulationResult(String flowId, int version, List<String> path, List<SimulatedStep> steps, String outcome,
            String endedAt, List<String> effects, Map<String, Object> variables, int unusedInputs) {
    }

    @POST
    @Path("/{flowId}/simulate")
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<SimulationResult> simulate(@PathParam("flowId") String flowId, @Valid @NotNull Simulation sim) {
        Uni<FlowVersionView> version = sim.version() != null ? store.version(flowId, sim.version())
                : store.versions(flowId).chain(list -> list.isEmpty() ? Uni.createFrom().nullItem()
                        : store.version(flowId, list.get(list.size() - 1).version()));
        return version.onItem().ifNull().failWith(() -> new NotFoundException("No flow '" + flowId + "'"
                        + (sim.version() == null ? "" : " version " + sim.version()) + "."))
                .map(v -> run(v, sim));
    }

    private static SimulationResult run(FlowVersionView v, Simulation sim) {
        FlowDocument flow = v.document();
        Instant now = sim.now() == null ? Instant.parse("2026-01-05T10:00:00Z") : sim.now();
        FlowEngine.Runtime rt = new FlowEngine.Runtime() {
            public Map<String, Object> lookup(String caller) {
                if (Boolean.TRUE.equals(sim.crmDown())) {
                    throw new FlowEngine.LookupFailed("simulated CRM outage");
                }
                return sim.crm() == null ? Map.of() : sim.crm();
            }

            public Instant now() {
                return now;
            }

            public boolean hoursOpen(String queue) {
                return sim.hoursOpen() == null || sim.hoursOpen().getOrDefault(queue, true);
            }

            public Double queueEwt(String queue) {
                return sim.queueEwt() == null ? null : sim.queueEwt().get(queue);
            }
        };
        Map<String, Object> vars = new HashMap<>();
        vars.put("caller", sim.caller() == null ? "+4930123456" : sim.caller());
        vars.put("dialed", sim.dialed() == null ? "+4940000000" : sim.dialed());
        vars.put("callId", "simulation");
        vars.put("contactId", "simulation");
        List<String> path = new ArrayList<>();
        List<SimulatedStep> steps = new ArrayList<>();
        List<String> effects = new ArrayList<>();
        FlowEngine.Step step = FlowEngine.start(flow, vars, rt);
        record(null, step, path, steps, effects);
        int used = 0;
        while (step.outcome() == null && used < sim.inputs().size()) {
            Input in = sim.inputs().get(used++);
            step = FlowEngine.onInput(flow, step.state(), new FlowEngine.Input(in.type(), in.digits(), in.text(), in.confidence()), rt);
            record(in, step, path, steps, effects);
        }
        return new SimulationResult(v.flowId(), v.version(), path, steps, step.outcome(), step.state().node(), effects,
                new LinkedHashMap<>(step.state().variables()), sim.inputs().size() - used);
    }

    private static void record(Input in, FlowEngine.Step step, List<String> path, List<SimulatedStep> steps, List<String> effects) {
        path.addAll(step.entered());
        steps.add(new SimulatedStep(in, step.entered(), step.actions(), step.rejected()));
        step.effects().forEach(e -> effects.add(e instanceof FlowEngine.EnqueueEffect q ? "enqueue " + q.enqueue().queue()
                + " " + q.attributes() : e instanceof FlowEngine.CallbackEffect c ? "callback " + c.queue()
                : "survey " + ((FlowEngine.SurveyEffect) e).score()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFlow(FlowStore.InvalidFlow e, UriInfo uri) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST,
                new Problem("about:blank", "Invalid flow", 400, e.getMessage(), uri.getPath(), e.errors))
                .type(Problem.MEDIA_TYPE).build();
    }
}
