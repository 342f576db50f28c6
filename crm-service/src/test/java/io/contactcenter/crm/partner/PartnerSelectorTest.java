package io.contactcenter.crm.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.crm.partner.PartnerSelector.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerSelectorTest {

    private static Candidate partner(String id, int capacity, int open, int met, int missed) {
        return new Candidate(id, List.of("tyres", "brakes"), "north", capacity, open, true, met, missed);
    }

    @Test
    void prefersTheLeastLoadedPartnerByShareOfCapacity() {
        var ranked = PartnerSelector.rank(List.of(partner("big", 10, 4, 0, 0), partner("small", 2, 1, 0, 0)), "tyres", "north");
        assertThat(ranked).extracting(Candidate::partnerId).containsExactly("big", "small");
    }

    @Test
    void breaksLoadTiesByTheSmoothedSlaRecord() {
        var ranked = PartnerSelector.rank(List.of(partner("late", 4, 1, 5, 5), partner("new", 4, 1, 0, 0),
                partner("reliable", 4, 1, 9, 1)), null, null);
        // reliable (10/12) before new (1/2) before late (6/12 = 1/2, tie broken by id: "late" < "new")
        assertThat(ranked).extracting(Candidate::partnerId).containsExactly("reliable", "late", "new");
    }

    @Test
    void leavesOutFullInactiveWrongSkillAndWrongRegionPartners() {
        var full = partner("full", 2, 2, 0, 0);
        var inactive = new Candidate("inactive", List.of("tyres"), "north", 5, 0, false, 0, 0);
        var otherSkill = new Candidate("glass", List.of("windscreens"), "north", 5, 0, true, 0, 0);
        var otherRegion = new Candidate("south", List.of("tyres"), "south", 5, 0, true, 0, 0);
        var zero = partner("zero", 0, 0, 0, 0);
        var ok = partner("ok", 5, 4, 0, 0);
        assertThat(PartnerSelector.rank(List.of(full, inactive, otherSkill, otherRegion, zero, ok), "tyres", "north"))
                .extracting(Candidate::partnerId).containsExactly("ok");
    }
}
