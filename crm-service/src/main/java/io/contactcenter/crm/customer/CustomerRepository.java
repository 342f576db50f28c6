package io.contactcenter.crm.customer;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for customers and their phone identities; every method runs on the connection it is given. */
@ApplicationScoped
public class CustomerRepository {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };

    /** Columns of a customer view; phones come along in one round trip. */
    public static final String COLUMNS = "c.id, c.display_name, c.email, c.language, c.segment, c.loyalty_tier, c.region,"
            + " c.do_not_call, c.marketing_ok, c.recording_ok, c.do_not_text, c.attributes::text as attributes, c.version,"
            + " c.created_at, c.updated_at,"
            + " coalesce((select array_agg(p.phone order by p.phone) from crm_phone p where p.customer_id = c.id),"
            + " '{}') as phones";

    private final ObjectMapper mapper;

    public CustomerRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> insert(SqlClient tx, String id, CustomerRequest r, List<String> phones, Instant now) {
        Consents consents = r.consentsOrDefault();
        return tx.preparedQuery("insert into crm_customer (id, display_name, email, language, segment, loyalty_tier,"
                        + " region, do_not_call, marketing_ok, recording_ok, attributes, created_at, updated_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $12)")
                .execute(Tuple.from(Arrays.asList(id, r.displayName(), r.email(), r.language(),
                        r.segment().name(), r.loyaltyTier(), r.region(), consents.doNotCall(),
                        consents.marketing(), consents.recording(), write(r.attributesOrEmpty()), utc(now))))
                .chain(() -> insertPhones(tx, id, phones));
    }

    /** Replaces every field and the phone set; false if no such (unerased) customer. */
    public Uni<Boolean> update(SqlClient tx, String id, CustomerRequest r, List<String> phones, Instant now) {
        Consents consents = r.consentsOrDefault();
        return tx.preparedQuery("update crm_customer set display_name = $2, email = $3, language = $4, segment = $5,"
                        + " loyalty_tier = $6, region = $7, do_not_call = $8, marketing_ok = $9, recording_ok = $10,"
                        + " attributes = $11::text::jsonb, updated_at = $12, version = version + 1"
                        + " where id = $1 and erased_at is null")
                .execute(Tuple.from(Arrays.asList(id, r.displayName(), r.email(), r.language(),
                        r.segment().name(), r.loyaltyTier(), r.region(), consents.doNotCall(),
                        consents.marketing(), consents.recording(), write(r.attributesOrEmpty()), utc(now))))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : tx.preparedQuery("delete from crm_phone where customer_id = $1").execute(Tuple.of(id))
                                .chain(() -> insertPhones(tx, id, phones)).replaceWith(true));
    }

    private static Uni<Void> insertPhones(SqlClient tx, String id, List<String> phones) {
        return tx.preparedQuery("insert into crm_phone (phone, customer_id) select unnest($1::varchar[]), $2")
                .execute(Tuple.of(phones.toArray(String[]::new), id)).replaceWithVoid();
    }

    /** Which of {@code phones} belong to a customer other than {@code customerId} (phone → owner). */
    public Uni<Map<String, String>> owners(SqlClient client, List<String> phones, String customerId) {
        return client.preparedQuery("select phone, customer_id from crm_phone where phone = any($1) and customer_id <> $2")
                .execute(Tuple.of(phones.toArray(String[]::new), customerId == null ? "" : customerId))
                .map(rows -> {
                    Map<String, String> owners = new LinkedHashMap<>();
                    rows.forEach(row -> owners.put(row.getString(0), row.getString(1)));
                    return owners;
                });
    }

    public Uni<CustomerView> find(SqlClient client, String id) {
        return one(client, "select " + COLUMNS + " from crm_customer c where c.id = $1 and c.erased_at is null", id);
    }

    public Uni<CustomerView> findByPhone(SqlClient client, String e164) {
        return one(client, "select " + COLUMNS + " from crm_phone p join crm_customer c on c.id = p.customer_id"
                + " where p.phone = $1 and c.erased_at is null", e164);
    }

    public Uni<Instant> erasedAt(SqlClient client, String id) {
        return client.preparedQuery("select erased_at from crm_customer where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : instant(rows.iterator().next(), "erased_at"));
    }

    /**
     * Customers matching every given filter, ordered by id; {@code after} is the last id of the previous page
     * (keyset paging stays fast however deep the caller pages).
     */
    public Uni<List<CustomerView>> search(SqlClient client, CustomerSearch s) {
        List<String> where = new ArrayList<>(List.of("c.erased_at is null"));
        List<Object> args = new ArrayList<>();
        if (s.name() != null) {
            args.add(s.name().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.add("lower(c.display_name) like $" + args.size());
        }
        if (s.email() != null) {
            args.add(s.email().toLowerCase());
            where.add("lower(c.email) = $" + args.size());
        }
        if (s.segment() != null) {
            args.add(s.segment().name());
            where.add("c.segment = $" + args.size());
        }
        if (s.phone() != null) {
            args.add(s.phone());
            where.add("c.id = (select customer_id from crm_phone where phone = $" + args.size() + ")");
        }
        if (s.after() != null) {
            args.add(s.after());
            where.add("c.id > $" + args.size());
        }
        args.add(s.limitOrDefault());
        String sql = "select " + COLUMNS + " from crm_customer c where " + String.join(" and ", where)
                + " order by c.id limit $" + args.size();
        return client.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<CustomerView> list = new ArrayList<>();
            rows.forEach(row -> list.add(view(row)));
            return list;
        });
    }

    /**
     * Right to erasure: PII goes (name, e-mail, phones, attributes, recordings, what the customer said in
     * cases); the id, segment, interactions and case statistics stay, so reports do not change.
     */
    public Uni<Boolean> erase(SqlClient tx, String id, Instant now) {
        return tx.preparedQuery("update crm_customer set display_name = '(erased)', email = null, language = null,"
                        + " loyalty_tier = null, region = null, attributes = '{}', do_not_call = true, marketing_ok = false,"
                        + " erased_at = $2, updated_at = $2, version = version + 1 where id = $1 and erased_at is null")
                .execute(Tuple.of(id, utc(now)))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("delete from crm_phone where customer_id = $1").execute(Tuple.of(id))
                                .chain(() -> tx.preparedQuery("delete from crm_message where customer_id = $1").execute(Tuple.of(id)))
                                .chain(() -> tx.preparedQuery("delete from crm_recording where customer_id = $1")
                                        .execute(Tuple.of(id)))
                                .chain(() -> tx.preparedQuery("update crm_case set subject = '(erased)', description = null"
                                        + " where customer_id = $1").execute(Tuple.of(id)))
                                .chain(() -> tx.preparedQuery("update crm_interaction set wrap_notes = null"
                                        + " where customer_id = $1 and wrap_notes is not null").execute(Tuple.of(id)))
                                .chain(() -> tx.preparedQuery("update crm_case_event set note = null where case_id in"
                                        + " (select id from crm_case where customer_id = $1)").execute(Tuple.of(id)))
                                .replaceWith(true));
    }

    private Uni<CustomerView> one(SqlClient client, String sql, String arg) {
        return client.preparedQuery(sql).execute(Tuple.of(arg))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public CustomerView view(Row row) {
        return new CustomerView(row.getString("id"), row.getString("display_name"), row.getString("email"),
                row.getString("language"), Segment.valueOf(row.getString("segment")), row.getString("loyalty_tier"),
                Arrays.asList(row.getArrayOfStrings("phones")), row.getString("region"),
                new Consents(row.getBoolean("do_not_call"), row.getBoolean("marketing_ok"), row.getBoolean("recording_ok"),
                        row.getBoolean("do_not_text")),
                read(row.getString("attributes")), row.getInteger("version"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    String write(Map<String, Object> attributes) {
        try {
            return mapper.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, Object> read(String json) {
        try {
            return mapper.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable attributes column", e);
        }
    }
}
