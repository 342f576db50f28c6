package io.contactcenter.crm.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void dispatchedIsReachedOnlyThroughDispatch() {
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(s.mayChangeTo(CaseStatus.DISPATCHED)).as(s.name()).isFalse();
        }
    }

    @Test
    void closedAndCancelledAreFinal() {
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
        assertThat(CaseStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void aPartnerMayHandBackADispatchedCaseAndAResolvedCaseMayBeReopened() {
        assertThat(CaseStatus.DISPATCHED.mayChangeTo(CaseStatus.REGISTERED)).isTrue();
        assertThat(CaseStatus.RESOLVED.mayChangeTo(CaseStatus.IN_PROGRESS)).isTrue();
        assertThat(CaseStatus.IN_PROGRESS.mayChangeTo(CaseStatus.REGISTERED)).isFalse();
    }

    @Test
    void partnerJobsAreTheStatesBetweenDispatchAndResolution() {
        assertThat(CaseStatus.values()).filteredOn(CaseStatus::isPartnerJob)
                .containsExactly(CaseStatus.DISPATCHED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS, CaseStatus.ON_HOLD);
    }
}
