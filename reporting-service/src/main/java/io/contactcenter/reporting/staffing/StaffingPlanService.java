package io.contactcenter.reporting.staffing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** History → forecast per interval ({@link Forecast}) → agents per interval ({@link StaffingCalculator}). */
@ApplicationScoped
public class StaffingPlanService {

    private final Pool pool;

    public StaffingPlanService(Pool pool) {
        this.pool = pool;
    }

    public record Settings(StaffingCalculator.Model model, double targetServiceLevel, double thresholdSeconds,
            Double patienceSeconds, double shrinkage, Double maxOccupancy, double defaultAhtSeconds, int weeks) {
    }

    public Uni<StaffingPlan> plan(String queueId, LocalDate date, ZoneId zone, Duration interval, Settings s) {
        var from = date.minusWeeks(s.weeks()).minusDays(1).atStartOfDay(zone).toInstant();
        var to = date.atStartOfDay(zone).toInstant();
        return pool.preparedQuery("select queued_at, handle_seconds from rpt_contact where queue_id = $1"
                + " and queued_at >= $2 and queued_at < $3")
                .execute(Tuple.of(queueId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Forecast.Contact> history = new ArrayList<>();
                    for (Row r : rows) {
                        history.add(new Forecast.Contact(r.getOffsetDateTime("queued_at").toInstant(),
                                r.getDouble("handle_seconds")));
                    }
                    List<StaffingPlan.Row> out = new ArrayList<>();
                    double agentSeconds = 0;
                    for (Forecast.Slot slot : Forecast.forDay(history, date, zone, interval, s.weeks())) {
                        double aht = slot.ahtSeconds() == null ? s.defaultAhtSeconds() : slot.ahtSeconds();
                        double seconds = Duration.between(slot.start(), slot.end()).toSeconds();
                        if (slot.arrivals() == 0) {
                            out.add(new StaffingPlan.Row(slot.start(), slot.end(), 0, aht, 0, 0, null));
                            continue;
                        }
                        var result = StaffingCalculator.calculate(new StaffingCalculator.Request(s.model(),
                                slot.arrivals(), seconds, aht, s.targetServiceLevel(), s.thresholdSeconds(),
                                s.patienceSeconds(), s.shrinkage(), s.maxOccupancy(), null));
                        agentSeconds += result.scheduledAgents() * seconds;
                        out.add(new StaffingPlan.Row(slot.start(), slot.end(), slot.arrivals(), aht, result.agents(),
                                result.scheduledAgents(), result.serviceLevel()));
                    }
                    StaffingPlan.Row peak = out.stream().max(Comparator.comparingInt(StaffingPlan.Row::scheduledAgents)
                            .thenComparing(StaffingPlan.Row::start, Comparator.reverseOrder())).orElse(null);
                    String method = "arrivals and AHT per " + interval + " slot = mean of the same local slot on the same"
                            + " weekday over the previous " + s.weeks() + " week(s) (AHT " + s.defaultAhtSeconds()
                            + " s where no contact completed); agents by " + s.model().name().toLowerCase().replace('_', '-')
                            + " for " + s.targetServiceLevel() + " answered within " + s.thresholdSeconds()
                            + " s; scheduled = agents / (1 − shrinkage " + s.shrinkage() + ")";
                    return new StaffingPlan(queueId, date, zone.getId(), interval.toString(), method, out, peak,
                            agentSeconds / 3600);
                });
    }
}
