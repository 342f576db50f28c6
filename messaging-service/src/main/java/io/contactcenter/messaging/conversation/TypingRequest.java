package io.contactcenter.messaging.conversation;

/** The sender started ({@code true}) or stopped typing. */
public record TypingRequest(boolean typing) {
}
