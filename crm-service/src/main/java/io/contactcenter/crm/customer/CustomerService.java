package io.contactcenter.crm.customer;

import io.contactcenter.events.EventTypes;
import io.contactcenter.events.crm.CustomerUpdated;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.phone.PhoneNumbers;
import io.contactcenter.events.problem.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CustomerService {

    private final Outbox outbox;
    private final Clock clock;

    public CustomerService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Normalises every phone first (all problems at once), so a bad number stores nothing. */
    public static List<String> normalise(CustomerRequest request) throws InvalidPhones {
        Set<String> phones = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.phones().size(); i++) {
            try {
                phones.add(PhoneNumbers.toE164(request.phones().get(i), request.region()));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("phones[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPhones(errors);
        }
        return List.copyOf(phones);
    }

    @WithTransaction
    public Uni<CustomerView> create(CustomerRequest request, List<String> phones) {
        return PhoneIdentity.<PhoneIdentity>list("phone in ?1", phones).chain(taken -> {
            if (!taken.isEmpty()) {
                return Uni.createFrom().failure(new ClientErrorException("Phone " + taken.get(0).phone
                        + " already belongs to customer " + taken.get(0).customerId + ".", 409));
            }
            Instant now = clock.instant();
            Customer c = new Customer();
            c.id = UUID.randomUUID().toString();
            c.displayName = request.displayName();
            c.email = request.email();
            c.language = request.language();
            c.segment = request.segment();
            c.createdAt = now;
            c.updatedAt = now;
            List<PhoneIdentity> identities = phones.stream().map(p -> {
                PhoneIdentity id = new PhoneIdentity();
                id.phone = p;
                id.customerId = c.id;
                return id;
            }).toList();
            return c.persist()
                    .chain(() -> PhoneIdentity.persist(identities))
                    // field names only: PII never travels in events
                    .chain(() -> outbox.publish(EventTypes.CUSTOMER_UPDATED, c.id,
                            new CustomerUpdated(c.id, List.of("created"))))
                    .replaceWith(() -> view(c, phones));
        });
    }

    @WithSession
    public Uni<CustomerView> find(String customerId) {
        return Customer.<Customer>findById(customerId).chain(c -> c == null
                ? Uni.createFrom().nullItem()
                : PhoneIdentity.<PhoneIdentity>list("customerId", c.id)
                        .map(ps -> view(c, ps.stream().map(p -> p.phone).sorted().toList())));
    }

    @WithSession
    public Uni<CustomerView> lookup(String e164) {
        return PhoneIdentity.<PhoneIdentity>findById(e164)
                .chain(p -> p == null ? Uni.createFrom().nullItem() : find(p.customerId));
    }

    private static CustomerView view(Customer c, List<String> phones) {
        return new CustomerView(c.id, c.displayName, c.email, c.language, c.segment, phones, c.createdAt, c.updatedAt);
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
