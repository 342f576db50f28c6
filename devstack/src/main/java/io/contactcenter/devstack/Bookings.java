package io.contactcenter.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Invariant 2 read off routing's own records: every offer an agent held, from offered to ended, replayed in time
 * order against the agent's per-channel capacity (voice and callback are exclusive). A double booking is any moment
 * an agent held more than that.
 */
public final class Bookings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What was checked and every moment that broke the capacity. */
    public record Result(int offersChecked, List<String> violations) {
    }

    private record Interval(String channel, long start, long end) {
    }

    private Bookings() {
    }

    /** Offers of agents whose id is {@code LIKE agentLike}, in routing database {@code db}; a live offer ends now. */
    public static Result check(Connection db, String agentLike) throws SQLException {
        Map<String, Map<String, Integer>> capacity = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select id, profile from routing_agent where id like ?")) {
            ps.setString(1, agentLike);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Integer> cap = new HashMap<>();
                    try {
                        MAPPER.readTree(rs.getString("profile")).path("capacity").fields()
                                .forEachRemaining(e -> cap.put(e.getKey(), e.getValue().asInt()));
                    } catch (java.io.IOException e) {
                        throw new SQLException("unreadable agent profile of " + rs.getString("id"), e);
                    }
                    capacity.put(rs.getString("id"), cap);
                }
            }
        }
        Map<String, List<Interval>> byAgent = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select agent_id, channel, offered_at, ended_at"
                + " from routing_offer where agent_id like ?")) {
            ps.setString(1, agentLike);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp end = rs.getTimestamp("ended_at");
                    byAgent.computeIfAbsent(rs.getString("agent_id"), k -> new ArrayList<>()).add(new Interval(
                            rs.getString("channel"), micros(rs.getTimestamp("offered_at")),
                            end == null ? Long.MAX_VALUE : micros(end)));
                }
            }
        }
        int checked = 0;
        List<String> violations = new ArrayList<>();
        for (var e : byAgent.entrySet()) {
            List<Interval> list = e.getValue();
            List<long[]> points = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                points.add(new long[] {list.get(i).start(), 1, i});
                points.add(new long[] {list.get(i).end(), -1, i});
            }
            // ends before starts at the same instant: a released slot may be reused in the same microsecond
            points.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            Map<String, Integer> live = new HashMap<>();
            Map<String, Integer> cap = capacity.getOrDefault(e.getKey(), Map.of());
            for (long[] p : points) {
                String channel = list.get((int) p[2]).channel();
                live.merge(channel, (int) p[1], Integer::sum);
                if (p[1] > 0) {
                    checked++;
                    int total = live.values().stream().mapToInt(Integer::intValue).sum();
                    boolean exclusive = live.getOrDefault("VOICE", 0) + live.getOrDefault("CALLBACK", 0) > 0;
                    if (live.get(channel) > cap.getOrDefault(channel, 0) || (exclusive && total > 1)) {
                        violations.add(e.getKey() + " held " + live + " at " + p[0] + " µs (capacity " + cap + ")");
                    }
                }
            }
        }
        return new Result(checked, violations);
    }

    private static long micros(Timestamp t) {
        return t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1000;
    }
}
