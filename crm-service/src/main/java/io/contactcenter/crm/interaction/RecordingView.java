package io.contactcenter.crm.interaction;

import java.time.Instant;
import java.util.Map;

public record RecordingView(String recordingId, String interactionId, String caseId, String uri, String mediaType,
        Double durationSeconds, Instant recordedAt, Map<String, Object> metadata) {
}
