package io.contactcenter.crm.interaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * A recording the recorder already stored: we keep where it is and what it is, never the audio. Attach it to a
 * contact ({@code interactionId}) and/or a case ({@code caseId}); at least one of them.
 */
public record RecordingRequest(
        @NotBlank @Size(max = 1000) @Pattern(regexp = "(https|s3|gs|file)://\\S+",
                message = "must be an https://, s3://, gs:// or file:// URI") String uri,
        @NotBlank @Pattern(regexp = "audio/[a-z0-9.+-]+", message = "must be an audio media type like 'audio/wav'") String mediaType,
        @PositiveOrZero Double durationSeconds,
        @NotNull Instant recordedAt,
        @Size(max = 64) String interactionId,
        @Size(max = 64) String caseId,
        @Size(max = 20, message = "at most 20 metadata entries") Map<@NotBlank @Size(max = 64) String, Object> metadata) {
}
