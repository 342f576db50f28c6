package io.contactcenter.devstack;

import io.contactcenter.events.outbox.OutboxConfig;
import io.contactcenter.events.outbox.OutboxRelay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An outbox of its own for tests and benchmarks that drive {@link OutboxRelay} outside a service: a schema in
 * routing's test database with the events module's outbox tables, a reactive pool bound to it, and relays
 * built on that pool with their own relay id. Nothing of it meets the routing service's rows or lock holder.
 */
public final class OutboxFixture implements AutoCloseable {

    private final String schema;
    private final String relayId;
    private final Connection jdbc;
    private final Vertx vertx;
    private final Pool pool;

    private OutboxFixture(String schema, String relayId) throws Exception {
        this.schema = schema;
        this.relayId = relayId;
        jdbc = DriverManager.getConnection("jdbc:postgresql://localhost:5432/cc_routing_test", "cc_routing",
                DevStack.dbPassword("routing"));
        try (Statement s = jdbc.createStatement();
                InputStream ddl = OutboxRelay.class.getResourceAsStream("/db/events/V0_1__outbox_inbox.sql")) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
            s.execute("set search_path to " + schema);
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
        vertx = Vertx.vertx();
        PgConnectOptions db = new PgConnectOptions().setHost("localhost").setPort(5432).setDatabase("cc_routing_test")
                .setUser("cc_routing").setPassword(DevStack.dbPassword("routing"))
                .setProperties(Map.of("search_path", schema));
        pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(db).using(vertx).build());
    }

    /** A fresh schema {@code schema} (dropped first if left over) for relay {@code relayId}. */
    public static OutboxFixture create(String schema, String relayId) throws Exception {
        return new OutboxFixture(schema, relayId);
    }

    /** A JDBC connection whose search path is the fixture's schema. */
    public Connection jdbc() {
        return jdbc;
    }

    public Pool pool() {
        return pool;
    }

    public String table() {
        return schema + ".cc_outbox";
    }

    /** A relay of this outbox publishing up to {@code batch} rows a pass to the test broker. */
    public OutboxRelay relay(int batch) {
        return new OutboxRelay(pool, config(relayId, batch), Map.of("bootstrap.servers", DevStack.KAFKA_BOOTSTRAP),
                new SimpleMeterRegistry());
    }

    /** Stages {@code count} rows for {@code topic}, in one transaction; the payload is the event id. */
    public void insert(String topic, String idPrefix, int count, int keys) throws SQLException {
        try (PreparedStatement insert = jdbc.prepareStatement("insert into " + table()
                + " (event_id, topic, msg_key, event_type, payload) values (?, ?, ?, 'test.relay', ?)")) {
            for (int i = 0; i < count; i++) {
                String id = idPrefix + "-" + i;
                insert.setString(1, id);
                insert.setString(2, topic);
                insert.setString(3, "key-" + (i % keys));
                insert.setString(4, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public long unsent() throws SQLException {
        try (Statement s = jdbc.createStatement();
                ResultSet r = s.executeQuery("select count(*) from " + table() + " where sent_at is null")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws Exception {
        pool.closeAndAwait();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (Statement s = jdbc.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
        jdbc.close();
    }

    /** The relay settings of a service, with this fixture's relay id and batch size. */
    static OutboxConfig config(String relayId, int batch) {
        return new OutboxConfig() {
            @Override
            public boolean relayEnabled() {
                return true;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofMillis(50);
            }

            @Override
            public int batchSize() {
                return batch;
            }

            @Override
            public Duration sendTimeout() {
                return Duration.ofSeconds(20);
            }

            @Override
            public String relayId() {
                return relayId;
            }

            @Override
            public Duration transactionTimeout() {
                return Duration.ofSeconds(15);
            }

            @Override
            public Duration sentRetention() {
                return Duration.ofDays(1);
            }

            @Override
            public Duration inboxRetention() {
                return Duration.ofDays(14);
            }
        };
    }
}
