package io.contactcenter.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredTest {

    private static Outcome answered(double wait, Integer position, Double ewt) {
        return new Outcome("q", 0, wait, true, false, position, ewt);
    }

    private static Outcome abandoned(double wait) {
        return new Outcome("q", 0, wait, false, true, null, null);
    }

    @Test
    void serviceLevelCountsAbandonsAsNotAnsweredInTime() {
        Measured m = Measured.of(List.of(answered(0.5, null, null), answered(3, null, null), abandoned(0.2),
                abandoned(5)), 1.0, 0.1);
        assertThat(m.offered()).isEqualTo(4);
        assertThat(m.serviceLevel()).isEqualTo(0.25);
        assertThat(m.abandonRate()).isEqualTo(0.5);
    }

    @Test
    void asaIsTheMeanWaitOfAnsweredContactsOnly() {
        Measured m = Measured.of(List.of(answered(1, null, null), answered(3, null, null), abandoned(100)), 20, 0.1);
        assertThat(m.asaSeconds()).isEqualTo(2.0);
    }

    @Test
    void probabilityOfWaitingCountsEveryOfferedContactThatWaitedLongerThanDelta() {
        Measured m = Measured.of(List.of(answered(0.05, null, null), answered(0.5, null, null), abandoned(0.2),
                abandoned(0.01)), 20, 0.1);
        assertThat(m.probabilityOfWaiting()).isEqualTo(0.5);
    }

    @Test
    void contactsThatNeverEndedAreLeftOut() {
        Measured m = Measured.of(List.of(new Outcome("q", 0, 9, false, false, 1, 2.0), answered(1, null, null)), 20, 0.1);
        assertThat(m.offered()).isEqualTo(1);
    }

    @Test
    void ewtErrorIsEstimateMinusActualWaitByEntryPositionBand() {
        Measured m = Measured.of(List.of(answered(2, 1, 3.0), answered(4, 1, 3.0), answered(10, 4, 6.0),
                answered(5, 5, 6.0), answered(1, null, 2.0), abandoned(3)), 20, 0.1);
        assertThat(m.ewt()).extracting(Measured.EwtError::positions).containsExactly("1", "4–5");
        Measured.EwtError first = m.ewt().get(0);
        assertThat(first.contacts()).isEqualTo(2);
        assertThat(first.meanAbsoluteSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(first.meanSignedSeconds()).isCloseTo(0.0, within(1e-9));
        Measured.EwtError band = m.ewt().get(1);
        assertThat(band.meanSignedSeconds()).isCloseTo((-4 + 1) / 2.0, within(1e-9));
        assertThat(band.p90AbsoluteSeconds()).isEqualTo(4.0);
    }

    @Test
    void confidenceHalfWidthsComeFromBatchesOfConsecutiveContacts() {
        // 20 batches of 10 in entry order: the first ten batches all answered in time after 0.5 s, the last ten all
        // late after 3 s; batch SLs are 1 × 10 and 0 × 10, batch ASAs 0.5 × 10 and 3 × 10
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(new Outcome("q", 199 - i, 199 - i < 100 ? 0.5 : 3.0, true, false, null, null));
        }
        Measured m = Measured.of(outcomes, 1.0, 0.1);
        assertThat(m.serviceLevel()).isEqualTo(0.5);
        // sd of ten 1s and ten 0s = sqrt(20 × 0.25 / 19); half-width = 2.093 × sd / sqrt(20)
        double sd = Math.sqrt(20 * 0.25 / 19);
        assertThat(m.serviceLevelHalfWidth()).isCloseTo(2.093 * sd / Math.sqrt(20), within(1e-9));
        assertThat(m.asaHalfWidth()).isCloseTo(2.093 * sd * 2.5 / Math.sqrt(20), within(1e-9));
    }

    @Test
    void noConfidenceIntervalFromTooFewContacts() {
        Measured m = Measured.of(List.of(answered(1, null, null), answered(3, null, null)), 20, 0.1);
        assertThat(m.serviceLevelHalfWidth()).isNaN();
        assertThat(m.asaHalfWidth()).isNaN();
    }
}
