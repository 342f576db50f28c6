package io.contactcenter.crm.customer;

import io.contactcenter.events.EventTypes;
import io.contactcenter.events.crm.CustomerUpdated;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.phone.PhoneNumbers;
import io.contactcenter.events.problem.Problem;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.events.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class CustomerService {

    private final Pool pool;
    private final CustomerRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public CustomerService(Pool pool, CustomerRepository repository, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Normalises every phone first (all problems at once), so a bad number stores nothing. */
    public static List<String> normalise(List<String> raw, String region) throws InvalidPhones {
        Set<String> phones = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                phones.add(PhoneNumbers.toE164(raw.get(i), region));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("phones[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPhones(errors);
        }
        return List.copyOf(phones);
    }

    public Uni<CustomerView> create(CustomerRequest request, List<String> phones) {
        String id = Ids.newId();
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> requireFree(tx, phones, null)
                .chain(() -> repository.insert(tx, id, request, phones, now))
                // field names only: PII never travels in events
                .chain(() -> outbox.publish(tx, EventTypes.CUSTOMER_UPDATED, id, new CustomerUpdated(id, List.of("created"))))
                .chain(() -> repository.find(tx, id)));
    }

    /** A lightweight record for an unknown caller, so the history starts with the first call. */
    public Uni<CustomerView> createForCaller(String e164) {
        String id = Ids.newId();
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> tx.preparedQuery("insert into crm_customer (id, display_name, segment,"
                        + " attributes, created_at, updated_at) values ($1, $2, 'NEW', '{\"autoCreated\":true}', $3, $3)")
                .execute(Tuple.of(id, "Unknown caller", Sql.utc(now)))
                // a concurrent call from the same number may have won: then this insert does nothing
                .chain(() -> tx.preparedQuery("insert into crm_phone (phone, customer_id) values ($1, $2)"
                        + " on conflict do nothing").execute(Tuple.of(e164, id)))
                .chain(rows -> rows.rowCount() == 0
                        ? tx.preparedQuery("delete from crm_customer where id = $1")
                                .execute(Tuple.of(id)).replaceWith(false)
                        : outbox.publish(tx, EventTypes.CUSTOMER_UPDATED, id, new CustomerUpdated(id, List.of("created")))
                                .replaceWith(true))
                .chain(() -> repository.findByPhone(tx, e164)));
    }

    /** Replaces the profile and phone set; null if there is no such customer. */
    public Uni<CustomerView> replace(String id, CustomerRequest request, List<String> phones) {
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> requireFree(tx, phones, id)
                .chain(() -> repository.update(tx, id, request, phones, now))
                .chain(updated -> !updated ? Uni.createFrom().nullItem()
                        : outbox.publish(tx, EventTypes.CUSTOMER_UPDATED, id, new CustomerUpdated(id, List.of("profile")))
                                .chain(() -> repository.find(tx, id))));
    }

    /** False if there was nothing to erase. */
    public Uni<Boolean> erase(String id) {
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> repository.erase(tx, id, now)
                .call(erased -> erased
                        ? outbox.publish(tx, EventTypes.CUSTOMER_UPDATED, id, new CustomerUpdated(id, List.of("erased")))
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Void> requireFree(SqlClient tx, List<String> phones, String customerId) {
        return repository.owners(tx, phones, customerId).chain(owners -> owners.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ClientErrorException("Phone " + owners.keySet().iterator().next()
                        + " already belongs to customer " + owners.values().iterator().next() + ".", 409)));
    }

    public Uni<CustomerView> find(String customerId) {
        return repository.find(pool, customerId);
    }

    public Uni<Instant> erasedAt(String customerId) {
        return repository.erasedAt(pool, customerId);
    }

    public Uni<CustomerView> lookup(String e164) {
        return repository.findByPhone(pool, e164);
    }

    public Uni<List<CustomerView>> search(CustomerSearch search) {
        return repository.search(pool, search);
    }

    /** Phones that libphonenumber rejects, by index. */
    public static final class InvalidPhones extends Exception {
        public final transient List<Problem.FieldError> errors;

        InvalidPhones(List<Problem.FieldError> errors) {
            super(errors.size() + " invalid phone number(s)");
            this.errors = errors;
        }
    }
}
