package io.contactcenter.simulator.resilience;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Checks reporting's read models after a fault against a replay: a second reporting-service, on an empty database of
 * its own ({@code cc_reporting_replay}), reads the run's events once more from where the run began, and every read-model
 * row about the run's contacts, callbacks and agents must come out the same as the live service's.
 */
final class Replay {

    static final List<String> READ_BY_REPORTING = List.of(Topics.CONTACTS, Topics.AGENTS, Topics.CALLBACKS, Topics.CRM,
            Topics.IVR);
    private static final String DATABASE = "cc_reporting_replay";

    /** Rows compared, and the first differences found (none when the models match). */
    record Comparison(int rows, List<String> differences) {
    }

    private Replay() {
    }

    /** Waits until {@code group} has read everything a read_committed reader sees on reporting's topics. */
    static double awaitCaughtUp(String group, Duration timeout) {
        long start = System.nanoTime();
        Eventually.await(group + " caught up with the topics", timeout, Duration.ofMillis(500),
                () -> TopicSetup.caughtUp(DevStack.KAFKA_BOOTSTRAP, group, READ_BY_REPORTING));
        return (System.nanoTime() - start) / 1e9;
    }

    static Comparison compare(Suite suite, Map<TopicPartition, Long> from, String tag, Set<String> contacts,
            Set<String> callbacks, String agentLike) throws SQLException {
        awaitCaughtUp(suite.group() + "-reporting", Duration.ofMinutes(3));
        try (Connection db = connect(DATABASE); Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists public cascade");
            sql.execute("create schema public");
        }
        String group = "replay-" + tag;
        Map<TopicPartition, Long> start = new HashMap<>(from);
        start.keySet().removeIf(tp -> !READ_BY_REPORTING.contains(tp.topic()));
        TopicSetup.moveGroup(DevStack.KAFKA_BOOTSTRAP, group, start);
        Map<String, String> env = new HashMap<>(Suite.smallPool("reporting"));
        env.put("CC_DB_NAME", DATABASE);
        env.put("CC_REPORTING_CONSUMER_GROUP", group);
        try (ServiceProcess replay = ServiceProcess.start("reporting", env)) {
            awaitCaughtUp(group, Duration.ofMinutes(3));
            try (Connection live = connect("cc_reporting_test"); Connection rebuilt = connect(DATABASE)) {
                String[] contactIds = contacts.toArray(String[]::new);
                String[] callbackIds = callbacks.toArray(String[]::new);
                List<String> differences = new ArrayList<>();
                int rows = 0;
                rows += same(live, rebuilt, "rpt_contact", "contact_id = any(?)", contactIds, differences);
                rows += same(live, rebuilt, "rpt_ivr_session", "contact_id = any(?)", contactIds, differences);
                rows += same(live, rebuilt, "rpt_repeat", "contact_id = any(?)", contactIds, differences);
                rows += same(live, rebuilt, "rpt_callback", "callback_id = any(?)", callbackIds, differences);
                rows += same(live, rebuilt, "rpt_dial", "callback_id = any(?)", callbackIds, differences);
                rows += same(live, rebuilt, "rpt_agent", "agent_id like ?", agentLike, differences);
                rows += same(live, rebuilt, "rpt_agent_state", "agent_id like ?", agentLike, differences);
                return new Comparison(rows, differences);
            }
        }
    }

    private static int same(Connection live, Connection rebuilt, String table, String where, Object parameter,
            List<String> differences) throws SQLException {
        List<String> a = rows(live, table, where, parameter);
        List<String> b = rows(rebuilt, table, where, parameter);
        if (!a.equals(b)) {
            List<String> onlyLive = new ArrayList<>(a);
            onlyLive.removeAll(b);
            List<String> onlyReplay = new ArrayList<>(b);
            onlyReplay.removeAll(a);
            differences.add(table + ": " + a.size() + " live rows, " + b.size() + " replayed; live only "
                    + onlyLive.stream().limit(3).toList() + ", replay only " + onlyReplay.stream().limit(3).toList());
        }
        return a.size();
    }

    private static List<String> rows(Connection db, String table, String where, Object parameter) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select t::text from " + table + " t where " + where + " order by 1")) {
            if (parameter instanceof String[] ids) {
                ps.setArray(1, db.createArrayOf("varchar", ids));
            } else {
                ps.setString(1, (String) parameter);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    static Connection connect(String database) throws SQLException {
        String service = database.split("_")[1];
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, "cc_" + service,
                DevStack.dbPassword(service));
    }
}
