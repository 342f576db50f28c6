package io.contactcenter.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A CloudEvent read straight into its payload class, for consumers that never need the JSON tree.
 *
 * @param data the payload, or null when the consumer ignores this type or the payload does not fit it
 * @param problem why the payload does not fit its type (null when it does): such an event can never be applied
 */
@RegisterForReflection
public record TypedEvent(String id, String type, String subject, Object data, String problem) {
}
