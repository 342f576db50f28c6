package io.contactcenter.reporting.staffing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Staffing calculator: how many agents a queue needs for a service-level target, or what a given staffing
 * achieves. Pure computation, no database.
 */
@Path("/reports/staffing")
public class StaffingResource {

    private final StaffingPlanService plans;

    public StaffingResource(StaffingPlanService plans) {
        this.plans = plans;
    }

    /**
     * @param arrivals contacts per interval
     * @param intervalSeconds interval length (default 1800)
     * @param ahtSeconds average handle time (talk + hold + wrap-up)
     * @param targetServiceLevel fraction to answer within {@code thresholdSeconds} (default 0.8)
     * @param thresholdSeconds service-level threshold (default 20)
     * @param patienceSeconds mean caller patience, Erlang A only
     * @param shrinkage fraction of paid time not on the phones (breaks, training, absence), default 0
     * @param maxOccupancy optional cap on agent occupancy
     * @param agents evaluate this staffing instead of solving
     */
    @GET
    @Path("/erlang")
    @RolesAllowed({"supervisor", "admin", "service"})
    public StaffingCalculator.Result erlang(
            @QueryParam("model") @DefaultValue("erlang-c") @Pattern(regexp = "erlang-c|erlang-a",
                    message = "must be erlang-c or erlang-a") String model,
            @QueryParam("arrivals") @NotNull @DecimalMin("0") @DecimalMax("10000000") Double arrivals,
            @QueryParam("intervalSeconds") @DefaultValue("1800") @Min(1) @Max(86_400) int intervalSeconds,
            @QueryParam("ahtSeconds") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("86400") Double ahtSeconds,
            @QueryParam("targetServiceLevel") @DefaultValue("0.8") @DecimalMin(value = "0", inclusive = false)
                    @DecimalMax(value = "1", inclusive = false) double targetServiceLevel,
            @QueryParam("thresholdSeconds") @DefaultValue("20") @DecimalMin("0") @DecimalMax("86400") double thresholdSeconds,
            @QueryParam("patienceSeconds") @DecimalMin(value = "0", inclusive = false) @DecimalMax("86400") Double patienceSeconds,
            @QueryParam("shrinkage") @DefaultValue("0") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double shrinkage,
            @QueryParam("maxOccupancy") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double maxOccupancy,
            @QueryParam("agents") @Min(1) @Max(StaffingCalculator.MAX_AGENTS) Integer agents) {
        StaffingCalculator.Model m = model(model, patienceSeconds);
        try {
            return StaffingCalculator.calculate(new StaffingCalculator.Request(m, arrivals, intervalSeconds,
                    ahtSeconds, targetServiceLevel, thresholdSeconds, patienceSeconds, shrinkage, maxOccupancy, agents));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * A staffing plan for one day of a queue: forecast arrivals and AHT per interval from the same weekday's
     * history, agents per interval for the target, and the peak.
     */
    @GET
    @Path("/plan")
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<StaffingPlan> plan(
            @QueryParam("queue") @NotBlank String queue,
            @QueryParam("date") @NotBlank String date,
            @QueryParam("zone") @DefaultValue("UTC") String zone,
            @QueryParam("interval") @DefaultValue("PT30M") String interval,
            @QueryParam("weeks") @DefaultValue("4") @Min(1) @Max(26) int weeks,
            @QueryParam("model") @DefaultValue("erlang-c") @Pattern(regexp = "erlang-c|erlang-a",
                    message = "must be erlang-c or erlang-a") String model,
            @QueryParam("targetServiceLevel") @DefaultValue("0.8") @DecimalMin(value = "0", inclusive = false)
                    @DecimalMax(value = "1", inclusive = false) double targetServiceLevel,
            @QueryParam("thresholdSeconds") @DefaultValue("20") @DecimalMin("0") @DecimalMax("86400") double thresholdSeconds,
            @QueryParam("patienceSeconds") @DecimalMin(value = "0", inclusive = false) @DecimalMax("86400") Double patienceSeconds,
            @QueryParam("shrinkage") @DefaultValue("0") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double shrinkage,
            @QueryParam("maxOccupancy") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double maxOccupancy,
            @QueryParam("defaultAhtSeconds") @DefaultValue("180") @DecimalMin(value = "0", inclusive = false)
                    @DecimalMax("86400") double defaultAhtSeconds) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date: '" + date + "' is not an ISO date such as 2026-11-23");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadRequestException("zone: '" + zone + "' is not an IANA time zone such as Europe/Berlin");
        }
        Duration step;
        try {
            step = Duration.parse(interval);
        } catch (DateTimeParseException e) {
            step = null;
        }
        if (step == null || !(step.equals(Duration.ofMinutes(15)) || step.equals(Duration.ofMinutes(30))
                || step.equals(Duration.ofHours(1)))) {
            throw new BadRequestException("interval: one of PT15M, PT30M, PT1H (was '" + interval + "')");
        }
        StaffingCalculator.Model m = model(model, patienceSeconds);
        return plans.plan(queue, day, zoneId, step, new StaffingPlanService.Settings(m, targetServiceLevel,
                thresholdSeconds, patienceSeconds, shrinkage, maxOccupancy, defaultAhtSeconds, weeks));
    }

    private static StaffingCalculator.Model model(String model, Double patienceSeconds) {
        StaffingCalculator.Model m = model.equals("erlang-a") ? StaffingCalculator.Model.ERLANG_A
                : StaffingCalculator.Model.ERLANG_C;
        if (m == StaffingCalculator.Model.ERLANG_A && patienceSeconds == null) {
            throw new BadRequestException("patienceSeconds: required for model=erlang-a (mean time callers wait"
                    + " before hanging up)");
        }
        return m;
    }
}
