package io.contactcenter.routing.engine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Bullseye routing: after {@code afterSeconds} of waiting, lower the minimum level of {@code skill} to
 * {@code minLevel}, or drop the requirement when {@code minLevel} is null. {@code skill} "*" applies to
 * every requirement.
 */
public record RelaxationStep(@Min(1) int afterSeconds, @NotBlank String skill, @Min(1) @Max(5) Integer minLevel) {
}
