package io.contactcenter.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7UuidsCarryingTheirCreationTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(Ids.newId());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnesAsStringsSoIndexesGrowAtOneEnd() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).hasSize(10_000);
    }
}
