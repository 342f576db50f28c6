package io.contactcenter.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SeqRangesTest {

    @Test
    void writesRunsAsRangesAndSinglesAlone() {
        assertThat(SeqRanges.encode(new long[] {5, 1, 2, 3, 7, 9, 10, 10})).isEqualTo("1-3,5,7,9-10");
        assertThat(SeqRanges.encode(new long[0])).isEmpty();
    }

    @Test
    void readsBackWhatItWrote() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            long[] seqs = LongStream.generate(() -> 1_000_000L + random.nextInt(800)).limit(1 + random.nextInt(400))
                    .distinct().sorted().toArray();
            assertThat(SeqRanges.decode(SeqRanges.encode(seqs), 1000)).containsExactly(seqs);
        }
    }

    @Test
    void rejectsGarbageAndOversizedRanges() {
        assertThatThrownBy(() -> SeqRanges.decode("1-x", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeqRanges.decode("9-3", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeqRanges.decode("1-1000000000", 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeqRanges.decode("1-300,400-700", 500)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SeqRanges.decode("", 10)).isEmpty();
    }
}
