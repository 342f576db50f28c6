package io.contactcenter.events.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code contact.survey-completed}: the post-call survey's satisfaction score, 1 (worst) to 5. */
@RegisterForReflection
public record ContactSurveyCompleted(@NotBlank String contactId, @Min(1) @Max(5) int score, @NotNull Instant completedAt) {
}
