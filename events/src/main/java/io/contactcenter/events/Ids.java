package io.contactcenter.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * New identifiers for events and for the rows the services create: time-ordered UUIDs (version 7, RFC 9562), not
 * random ones (version 4). Every such id is a primary key somewhere (an inbox, a read model, a service's own table);
 * a random key lands on a random page of its index, so once the index outgrows memory each insert reads a page and,
 * after every checkpoint, writes a full page image to the WAL. Time-ordered keys append to the index's right edge.
 * Measured on this project's machine: claiming 500 event ids in an inbox of 2 million rows took 19 ms with random
 * ids and 7 ms with time-ordered ones (pgbench, see bench/results/reporting.md). The ids stay opaque strings in the
 * canonical UUID form. They carry their creation time to the millisecond, and ids made in the same millisecond by one
 * process count up from a random start, so an id is guessable from its neighbour: nothing may rely on an id being
 * secret (every API checks the caller's token and role, never the id alone).
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    /** A new time-ordered UUID, canonical form: ids made later compare greater as strings. */
    public static String newId() {
        return GENERATOR.generate().toString();
    }
}
