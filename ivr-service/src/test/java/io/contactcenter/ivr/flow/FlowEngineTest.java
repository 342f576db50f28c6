package io.contactcenter.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.ivr.flow.FlowEngine.Input;
import io.contactcenter.ivr.flow.FlowEngine.Step;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped after-sales flow, driven with scripted inputs and a fake CRM, routing and clock. */
class FlowEngineTest {

    static FlowDocument flow;

    @BeforeAll
    static void load() throws IOException {
        flow = FlowFormat.parse(FlowValidatorTest.sample(), true);
    }

    /** A world where support is open unless told otherwise and the CRM answers with {@code crm} (null: CRM down). */
    static FlowEngine.Runtime world(Map<String, Object> crm, boolean open) {
        return new FlowEngine.Runtime() {
            public Map<String, Object> lookup(String caller) {
                if (crm == null) {
                    throw new FlowEngine.LookupFailed("timeout");
                }
                return crm;
            }

            public Instant now() {
                return Instant.parse("2026-11-24T10:00:00Z");
            }

            public boolean hoursOpen(String queue) {
                return open;
            }

            public Double queueEwt(String queue) {
                return 42.0;
            }
        };
    }

    static Step start(FlowEngine.Runtime rt) {
        return FlowEngine.start(flow, new HashMap<>(Map.of("caller", "+4930123456", "dialed", "+4940555000")), rt);
    }

    static Step input(Step s, String type, String digits, FlowEngine.Runtime rt) {
        return FlowEngine.onInput(flow, s.state(), new Input(type, digits, null, null), rt);
    }

    @Test
    void aVipGoesStraightToThePriorityQueueWithTheirContext() {
        Step s = start(world(Map.of("customerId", "c-1", "name", "Ada", "segment", "VIP", "riskLevel", "LOW"), true));
        assertThat(s.entered()).containsExactly("welcome", "who", "vip-check", "vip-greeting", "vip-queue");
        assertThat(s.actions()).extracting(Action::text).contains("Hello Ada, we are connecting you to your priority team.");
        assertThat(s.outcome()).isEqualTo("enqueued");
        var enqueue = (FlowEngine.EnqueueEffect) s.effects().get(0);
        assertThat(enqueue.enqueue().queue()).isEqualTo("vip");
        assertThat(enqueue.attributes()).containsEntry("customerId", "c-1").containsEntry("segment", "VIP");
    }

    @Test
    void aSlowOrDownCrmTakesTheFallbackBranchAndTheCallGoesOn() {
        Step s = start(world(null, true));
        assertThat(s.entered()).containsExactly("welcome", "who", "hours", "main-menu");
        assertThat(s.state().variables()).containsEntry("crmAvailable", false);
        assertThat(s.state().waiting()).isTrue();
    }

    @Test
    void faultReportCollectsTheSerialAndRejectsTooManyDigitsWithoutAnErrorPage() {
        FlowEngine.Runtime rt = world(Map.of(), true);
        Step s = input(start(rt), "digits", "1", rt);
        assertThat(s.state().node()).isEqualTo("fault");
        Step wrong = input(s, "digits", "1234567890#", rt);
        assertThat(wrong.rejected()).extracting(FlowEngine.Rejected::reason).containsExactly("length");
        assertThat(wrong.state().node()).isEqualTo("fault");
        assertThat(wrong.actions()).extracting(Action::type).containsExactly("say", "gather");
        Step ok = input(wrong, "digits", "12345678#", rt);
        assertThat(ok.outcome()).isEqualTo("enqueued");
        assertThat(((FlowEngine.EnqueueEffect) ok.effects().get(0)).attributes()).containsEntry("serial", "12345678")
                .containsEntry("intent", "fault-report");
    }

    @Test
    void speechWithConfidenceChoosesTheIntentAndUnclearSpeechFallsBackToTheKeypad() {
        FlowEngine.Runtime rt = world(Map.of(), true);
        Step menu = start(rt);
        Step unclear = FlowEngine.onInput(flow, menu.state(), new Input("speech", null, "my tyre is broken", 0.3), rt);
        assertThat(unclear.rejected()).extracting(FlowEngine.Rejected::reason).containsExactly("low-confidence");
        assertThat(unclear.actions()).extracting(Action::text).contains("Sorry, I did not understand. Please use your keypad.");
        assertThat(unclear.actions().get(unclear.actions().size() - 1).speech()).isFalse();
        Step clear = FlowEngine.onInput(flow, unclear.state(), new Input("speech", null, "my tyre is broken", 0.9), rt);
        assertThat(clear.state().node()).isEqualTo("fault");
        assertThat(clear.state().variables()).containsEntry("intent", "fault");
    }

    @Test
    void starRepeatsZeroReachesAPersonAndSilenceEndsWithAnAgentNotAHangUp() {
        FlowEngine.Runtime rt = world(Map.of(), true);
        Step menu = start(rt);
        Step again = input(menu, "digits", "*", rt);
        assertThat(again.rejected()).isEmpty();
        assertThat(again.state().node()).isEqualTo("main-menu");
        assertThat(input(menu, "digits", "0", rt).effects()).hasSize(1);
        Step t1 = input(menu, "timeout", null, rt);
        Step t2 = input(t1, "timeout", null, rt);
        Step t3 = input(t2, "timeout", null, rt);
        assertThat(List.of(t1.outcome() == null, t2.outcome() == null)).containsOnly(true);
        assertThat(t3.outcome()).isEqualTo("enqueued");
        assertThat(((FlowEngine.EnqueueEffect) t3.effects().get(0)).node()).isEqualTo("agent-general");
    }

    @Test
    void selfServiceStatusEndsTheCallContained() {
        FlowEngine.Runtime rt = world(Map.of("customerId", "c-2", "segment", "STANDARD", "openCases", 1, "caseId", "K-77",
                "caseStatus", "IN_PROGRESS"), true);
        Step status = input(start(rt), "digits", "2", rt);
        assertThat(status.actions()).extracting(Action::text).contains("Your service request K-77 is IN_PROGRESS.");
        Step done = input(status, "digits", "1", rt);
        assertThat(done.outcome()).isEqualTo("contained");
        assertThat(done.actions()).extracting(Action::type).endsWith("hangup");
    }

    @Test
    void afterHoursOffersACallbackOrVoicemail() {
        FlowEngine.Runtime closed = world(Map.of(), false);
        Step offer = start(closed);
        assertThat(offer.state().node()).isEqualTo("after-hours");
        Step booked = input(offer, "digits", "1", closed);
        assertThat(booked.effects()).containsExactly(new FlowEngine.CallbackEffect("support"));
        assertThat(booked.outcome()).isEqualTo("callback");
        Step message = input(offer, "digits", "2", closed);
        assertThat(message.outcome()).isEqualTo("voicemail");
        assertThat(message.actions()).extracting(Action::type).endsWith("record");
    }

    @Test
    void aHangUpInTheIvrIsAnAbandonAtThatNode() {
        FlowEngine.Runtime rt = world(Map.of(), true);
        Step menu = start(rt);
        Step gone = FlowEngine.onInput(flow, menu.state(), new Input("hangup", null, null, null), rt);
        assertThat(gone.outcome()).isEqualTo("abandoned");
        assertThat(gone.state().node()).isEqualTo("main-menu");
    }

    @Test
    void luhnChecksum() {
        assertThat(FlowEngine.luhn("79927398713")).isTrue();
        assertThat(FlowEngine.luhn("79927398710")).isFalse();
    }
}
