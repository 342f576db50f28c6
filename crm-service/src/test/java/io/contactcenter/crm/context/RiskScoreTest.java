package io.contactcenter.crm.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.crm.context.CustomerContext.OpenCase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskScoreTest {

    private static final Signals CALM = new Signals(1, 0, false, false, 0, 5);

    @Test
    void aCalmCustomerIsLowRiskWithNoReasons() {
        RiskScore.Risk risk = RiskScore.of(CALM, List.of());
        assertThat(risk.score()).isZero();
        assertThat(risk.level()).isEqualTo(RiskScore.Level.LOW);
        assertThat(risk.reasons()).isEmpty();
    }

    @Test
    void repeatsAbandonAndLongWaitAddUpToMedium() {
        RiskScore.Risk risk = RiskScore.of(new Signals(3, 1, true, true, 0, null), List.of());
        assertThat(risk.score()).isEqualTo(15 + 20 + 10);
        assertThat(risk.level()).isEqualTo(RiskScore.Level.MEDIUM);
        assertThat(risk.reasons()).containsExactly("repeat-contacts", "recent-abandon", "long-wait");
    }

    @Test
    void anOpenOverdueComplaintAndLowCsatMakeHighRisk() {
        OpenCase complaint = new OpenCase("k1", "COMPLAINT", "HIGH", "DISPATCHED", "p1", Instant.EPOCH, true);
        RiskScore.Risk risk = RiskScore.of(new Signals(1, 0, false, false, 2, 1), List.of(complaint));
        assertThat(risk.score()).isEqualTo(10 + 25 + 15 + 20);
        assertThat(risk.level()).isEqualTo(RiskScore.Level.HIGH);
        assertThat(risk.reasons()).containsExactly("transfers", "open-complaint", "overdue-case", "low-csat");
    }

    @Test
    void capsEachFactorAndTheTotal() {
        OpenCase overdue = new OpenCase("k", "FAULT_REPORT", "LOW", "ON_HOLD", null, Instant.EPOCH, true);
        RiskScore.Risk risk = RiskScore.of(new Signals(9, 8, true, true, 5, 1),
                List.of(overdue, overdue, overdue, new OpenCase("c", "COMPLAINT", "LOW", "REGISTERED", null, Instant.EPOCH, false)));
        assertThat(risk.score()).isEqualTo(100);
    }
}
