package io.contactcenter.crm.context;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.crm.config.CrmConfig;
import io.contactcenter.crm.context.CustomerContext.History;
import io.contactcenter.crm.context.CustomerContext.LastContact;
import io.contactcenter.crm.context.CustomerContext.OpenCase;
import io.contactcenter.crm.customer.CustomerRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The lookup behind every inbound call. One statement, one round trip: the customer by phone (primary key),
 * then aggregates over that customer's interactions of the history window and the open cases, both served by
 * per-customer indexes, so it stays in the low milliseconds with millions of customers.
 */
@ApplicationScoped
public class ContextService {

    private static final TypeReference<List<OpenCase>> CASES = new TypeReference<>() { };

    private static final String CONTEXT = """
            select %s,
              h.n_window, h.n_recent, h.n_repeat, h.abandon, h.long_wait, h.transfers,
              l.id as l_id, l.kind as l_kind, l.channel as l_channel, l.queue_id as l_queue, l.agent_id as l_agent,
              l.started_at as l_started, l.outcome as l_outcome,
              (select i.agent_id from crm_interaction i where i.customer_id = c.id and i.agent_id is not null
                 order by i.started_at desc limit 1) as last_agent,
              (select i.csat from crm_interaction i where i.customer_id = c.id and i.csat is not null
                 order by i.started_at desc limit 1) as last_csat,
              (select coalesce(json_agg(json_build_object('caseId', k.id, 'category', k.category, 'priority', k.priority,
                   'status', k.status, 'partnerId', k.partner_id, 'slaDueAt', to_char(k.sla_due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   'overdue', k.sla_due_at < $5) order by k.sla_due_at), '[]')::text
                 from crm_case k where k.customer_id = c.id and k.status not in ('RESOLVED', 'CLOSED', 'CANCELLED'))
                as open_cases
            from %s
            cross join lateral (
              select count(*) as n_window,
                count(*) filter (where i.started_at >= $3) as n_recent,
                count(*) filter (where i.started_at >= $3 and i.repeat_of is not null) as n_repeat,
                coalesce(bool_or(i.outcome = 'ABANDONED') filter (where i.started_at >= $3), false) as abandon,
                coalesce(bool_or(i.wait_seconds >= $4) filter (where i.started_at >= $3), false) as long_wait,
                coalesce(sum(i.transfers), 0) as transfers
              from crm_interaction i where i.customer_id = c.id and i.started_at >= $2) h
            left join lateral (
              select i.* from crm_interaction i where i.customer_id = c.id order by i.started_at desc limit 1) l on true
            where %s and c.erased_at is null
            """;

    private static final String BY_PHONE = CONTEXT.formatted(CustomerRepository.COLUMNS,
            "crm_phone p join crm_customer c on c.id = p.customer_id", "p.phone = $1");
    private static final String BY_ID = CONTEXT.formatted(CustomerRepository.COLUMNS, "crm_customer c", "c.id = $1");

    private final Pool pool;
    private final CustomerRepository customers;
    private final CrmConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ContextService(Pool pool, CustomerRepository customers, CrmConfig config, ObjectMapper mapper, Clock clock) {
        this.pool = pool;
        this.customers = customers;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Null if no (unerased) customer has this E.164 number. */
    public Uni<CustomerContext> byPhone(String e164) {
        return query(BY_PHONE, e164);
    }

    public Uni<CustomerContext> byCustomer(String customerId) {
        return query(BY_ID, customerId);
    }

    private Uni<CustomerContext> query(String sql, String key) {
        Instant now = clock.instant();
        Instant window = now.minus(config.lookup().historyWindow());
        Instant recent = now.minus(config.signals().recentWindow());
        return pool.preparedQuery(sql)
                .execute(Tuple.of(key, utc(window), utc(recent), config.signals().longWaitSeconds(), utc(now)))
                .map(rows -> rows.size() == 0 ? null : context(rows.iterator().next()));
    }

    private CustomerContext context(Row row) {
        LastContact last = row.getString("l_id") == null ? null
                : new LastContact(row.getString("l_id"), row.getString("l_kind"), row.getString("l_channel"),
                        row.getString("l_queue"), row.getString("l_agent"), instant(row, "l_started"),
                        row.getString("l_outcome"));
        int windowDays = (int) config.lookup().historyWindow().toDays();
        History history = new History(windowDays, row.getLong("n_window").intValue(), last, row.getString("last_agent"));
        Signals signals = new Signals(row.getLong("n_recent").intValue(), row.getLong("n_repeat").intValue(),
                row.getBoolean("abandon"), row.getBoolean("long_wait"), row.getLong("transfers").intValue(),
                row.getShort("last_csat") == null ? null : row.getShort("last_csat").intValue());
        List<OpenCase> cases = openCases(row.getString("open_cases"));
        return new CustomerContext(customers.view(row), history, cases, signals, RiskScore.of(signals, cases));
    }

    private List<OpenCase> openCases(String json) {
        try {
            return mapper.readValue(json, CASES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable open cases", e);
        }
    }
}
