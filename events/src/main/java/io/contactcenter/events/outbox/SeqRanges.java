package io.contactcenter.events.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outbox sequence numbers of one relayed batch, written compactly as ranges ({@code "1-200,202,204-500"}).
 *
 * <p>The relay's position is this exact set rather than a high-water mark: sequence numbers are handed out
 * when a row is inserted, not when its transaction commits, so a row with a lower number can become visible
 * after a higher one was already published. Stamping "everything up to the highest" on recovery would mark
 * such a row sent without it ever reaching Kafka.
 */
public final class SeqRanges {

    private SeqRanges() {
    }

    /** {@code seqs} in any order, duplicates allowed; the empty string for none. */
    public static String encode(long[] seqs) {
        long[] sorted = seqs.clone();
        Arrays.sort(sorted);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.length) {
            long start = sorted[i];
            long end = start;
            while (i + 1 < sorted.length && sorted[i + 1] <= end + 1) {
                end = sorted[++i];
            }
            i++;
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(start);
            if (end != start) {
                out.append('-').append(end);
            }
        }
        return out.toString();
    }

    /**
     * The numbers written by {@link #encode}, ascending.
     *
     * @throws IllegalArgumentException when {@code text} is not in that form or spans more than {@code limit}
     */
    public static long[] decode(String text, int limit) {
        if (text == null || text.isBlank()) {
            return new long[0];
        }
        List<Long> out = new ArrayList<>();
        for (String part : text.split(",")) {
            int dash = part.indexOf('-', 1);
            long start;
            long end;
            try {
                start = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
                end = dash < 0 ? start : Long.parseLong(part.substring(dash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a sequence range: '" + part + "'");
            }
            if (end < start || end - start >= limit || out.size() + (end - start + 1) > limit) {
                throw new IllegalArgumentException("sequence range '" + part + "' is reversed or over " + limit + " numbers");
            }
            for (long s = start; s <= end; s++) {
                out.add(s);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
