package io.contactcenter.crm.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.contactcenter.crm.customer.Consents;
import io.contactcenter.crm.customer.CustomerRequest;
import io.contactcenter.crm.customer.CustomerService;
import io.contactcenter.crm.customer.Segment;
import io.contactcenter.crm.importing.ImportReport.RejectedRow;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.events.Ids;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Streams a customer CSV into the database: the body is read row by row, validated like the JSON API, and
 * written 1,000 rows per transaction with array parameters (one statement per table per batch), so memory stays
 * flat however large the file. Good rows are imported, bad rows reported; a batch is all-or-nothing only as far as
 * the database is concerned, never for a caller's mistake.
 * <p>
 * Columns (header row required, any order): {@code displayName}, {@code segment}, {@code phones} (several
 * separated by {@code ;}) are required; {@code email}, {@code language}, {@code loyaltyTier}, {@code region},
 * {@code doNotCall}, {@code marketing}, {@code recording} are optional; every other column becomes a custom
 * attribute (empty cells are left out).
 */
@ApplicationScoped
public class CsvCustomerImport {

    static final int BATCH = 1000;
    static final int MAX_REPORTED = 1000;
    private static final Set<String> KNOWN = Set.of("displayName", "email", "language", "segment", "loyaltyTier", "phones",
            "region", "doNotCall", "marketing", "recording");
    private static final List<String> REQUIRED = List.of("displayName", "segment", "phones");

    private final Pool pool;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;
    private final CsvMapper csv = new CsvMapper();

    public CsvCustomerImport(Pool pool, Validator validator, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    private record Row(long line, String id, CustomerRequest request, List<String> phones) {
    }

    /** Blocking: runs on a worker thread and waits for each batch to commit before reading on. */
    public ImportReport run(InputStream body) {
        long started = System.nanoTime();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<RejectedRow> errors = new ArrayList<>();
        long[] counts = new long[3]; // rows, imported, rejected
        Set<String> seenPhones = new HashSet<>();
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class).with(schema)
                .with(CsvParser.Feature.TRIM_SPACES).readValues(body)) {
            CsvSchema header = (CsvSchema) it.getParserSchema();
            List<String> missing = REQUIRED.stream().filter(c -> header.column(c) == null).toList();
            if (!missing.isEmpty()) {
                throw new BadRequestException("The CSV header lacks required column(s) " + missing
                        + "; required: " + REQUIRED + ", optional: " + KNOWN.stream().filter(k -> !REQUIRED.contains(k)).sorted().toList()
                        + ", any other column becomes a custom attribute.");
            }
            List<Row> batch = new ArrayList<>(BATCH);
            long line = 1;
            while (it.hasNextValue()) {
                Map<String, String> cells = it.nextValue();
                line++;
                counts[0]++;
                List<String> reasons = new ArrayList<>();
                Row row = parse(line, cells, reasons, seenPhones);
                if (row == null) {
                    reject(errors, counts, line, reasons);
                    continue;
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    write(batch, errors, counts);
                    batch.clear();
                    // earlier batches are committed: the database check catches their phones from now on
                    seenPhones.clear();
                }
            }
            write(batch, errors, counts);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadRequestException b) {
                throw b;
            }
            if (counts[0] == 0) {
                throw new BadRequestException("The body is not a readable CSV file: " + e.getMessage());
            }
            // a broken file keeps the rows imported so far; the report says where reading stopped
            errors.add(new RejectedRow(counts[0] + 2, List.of("reading stopped here: " + e.getMessage())));
        }
        errors.sort(java.util.Comparator.comparingLong(RejectedRow::line));
        return new ImportReport(counts[0], counts[1], counts[2], List.copyOf(errors), counts[2] > errors.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private Row parse(long line, Map<String, String> cells, List<String> reasons, Set<String> seenPhones) {
        Segment segment = null;
        String rawSegment = blankToNull(cells.get("segment"));
        if (rawSegment == null) {
            reasons.add("segment: must not be empty (VIP, NEW or STANDARD)");
        } else {
            try {
                segment = Segment.valueOf(rawSegment.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reasons.add("segment: '" + rawSegment + "' is not VIP, NEW or STANDARD");
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        cells.forEach((k, v) -> {
            if (!KNOWN.contains(k) && v != null && !v.isBlank()) {
                attributes.put(k, v);
            }
        });
        List<String> rawPhones = cells.get("phones") == null ? List.of()
                : Arrays.stream(cells.get("phones").split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        CustomerRequest request = new CustomerRequest(blankToNull(cells.get("displayName")), blankToNull(cells.get("email")),
                blankToNull(cells.get("language")), segment, blankToNull(cells.get("loyaltyTier")), rawPhones,
                blankToNull(cells.get("region")),
                new Consents(flag(cells, "doNotCall", false, reasons), flag(cells, "marketing", false, reasons),
                        flag(cells, "recording", true, reasons)),
                attributes);
        for (ConstraintViolation<CustomerRequest> v : validator.validate(request)) {
            if (!v.getPropertyPath().toString().equals("segment") || rawSegment == null && reasons.isEmpty()) {
                reasons.add(v.getPropertyPath() + ": " + v.getMessage());
            }
        }
        List<String> phones = List.of();
        if (!rawPhones.isEmpty()) {
            try {
                phones = CustomerService.normalise(rawPhones, request.region());
            } catch (CustomerService.InvalidPhones e) {
                e.errors.forEach(f -> reasons.add(f.field() + ": " + f.message()));
            }
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        for (String p : phones) {
            if (!seenPhones.add(p)) {
                reasons.add("phones: " + p + " appears on an earlier row of this file");
            }
        }
        return reasons.isEmpty() ? new Row(line, Ids.newId(), request, phones) : null;
    }

    /** Writes one batch; rows whose phone already belongs to a stored customer are rejected, the rest committed. */
    private void write(List<Row> batch, List<RejectedRow> errors, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        Supplier<Set<String>> attempt = () -> pool.withTransaction(tx -> tx
                .preparedQuery("select phone from crm_phone where phone = any($1)")
                .execute(Tuple.of(batch.stream().flatMap(r -> r.phones().stream()).toArray(String[]::new)))
                .chain(rows -> {
                    Set<String> taken = new HashSet<>();
                    rows.forEach(r -> taken.add(r.getString(0)));
                    List<Row> good = batch.stream().filter(r -> r.phones().stream().noneMatch(taken::contains)).toList();
                    Instant now = Sql.now(clock);
                    return tx.preparedQuery("insert into crm_customer (id, display_name, email, language, segment,"
                                    + " loyalty_tier, region, do_not_call, marketing_ok, recording_ok, attributes, created_at,"
                                    + " updated_at) select u.*, $12, $12 from unnest($1::varchar[], $2::varchar[], $3::varchar[],"
                                    + " $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::boolean[], $9::boolean[],"
                                    + " $10::boolean[], $11::text[]::jsonb[]) as u")
                            .execute(Tuple.from(Arrays.asList(
                                    column(good, r -> r.id()), column(good, r -> r.request().displayName()),
                                    column(good, r -> r.request().email()), column(good, r -> r.request().language()),
                                    column(good, r -> r.request().segment().name()), column(good, r -> r.request().loyaltyTier()),
                                    column(good, r -> r.request().region()),
                                    good.stream().map(r -> r.request().consents().doNotCall()).toArray(Boolean[]::new),
                                    good.stream().map(r -> r.request().consents().marketing()).toArray(Boolean[]::new),
                                    good.stream().map(r -> r.request().consents().recording()).toArray(Boolean[]::new),
                                    column(good, r -> write(r.request().attributes())), Sql.utc(now))))
                            .chain(() -> tx.preparedQuery("insert into crm_phone (phone, customer_id)"
                                            + " select * from unnest($1::varchar[], $2::varchar[])")
                                    .execute(Tuple.of(
                                            good.stream().flatMap(r -> r.phones().stream()).toArray(String[]::new),
                                            good.stream().flatMap(r -> r.phones().stream().map(p -> r.id())).toArray(String[]::new))))
                            .replaceWith(taken);
                }))
                .await().atMost(Duration.ofMinutes(1));
        Set<String> taken;
        try {
            taken = attempt.get();
        } catch (RuntimeException e) {
            // a customer created through the API between our check and insert took a phone: check again
            taken = attempt.get();
        }
        for (Row r : batch) {
            List<String> clash = r.phones().stream().filter(taken::contains).toList();
            if (clash.isEmpty()) {
                counts[1]++;
            } else {
                reject(errors, counts, r.line(), List.of("phones: " + String.join(", ", clash)
                        + " already belong(s) to another customer"));
            }
        }
    }

    private static void reject(List<RejectedRow> errors, long[] counts, long line, List<String> reasons) {
        counts[2]++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(new RejectedRow(line, List.copyOf(reasons)));
        }
    }

    private static String[] column(List<Row> rows, java.util.function.Function<Row, String> f) {
        return rows.stream().map(f).toArray(String[]::new);
    }

    private String write(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean flag(Map<String, String> cells, String column, boolean ifEmpty, List<String> reasons) {
        String v = blankToNull(cells.get(column));
        if (v == null) {
            return ifEmpty;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y" -> true;
            case "false", "no", "0", "n" -> false;
            default -> {
                reasons.add(column + ": '" + v + "' is not true/false");
                yield ifEmpty;
            }
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
