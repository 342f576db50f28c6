package io.contactcenter.callback.request;

import jakarta.validation.constraints.NotNull;

/** What the telephony edge reports for a dial-out. */
public record OutcomeReport(@NotNull Outcome outcome) {

    public enum Outcome { ANSWERED, NO_ANSWER, BUSY, VOICEMAIL, INVALID_NUMBER }
}
