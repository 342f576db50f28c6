package io.contactcenter.messaging.conversation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A conversation as plain text, for the transcript mailed to a customer. */
public final class Transcripts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Transcripts() {
    }

    public static String text(ConversationRow c, List<MessageRow> messages) {
        StringBuilder out = new StringBuilder("Your conversation with us");
        if (c.subject() != null) {
            out.append(" about \"").append(c.subject()).append('"');
        }
        out.append(", started ").append(TIME.format(c.openedAt())).append(".\n\n");
        for (MessageRow m : messages) {
            if ("SYSTEM".equals(m.direction())) {
                continue;
            }
            String who = "IN".equals(m.direction()) ? "You" : "Agent " + m.author();
            out.append('[').append(TIME.format(m.createdAt())).append("] ").append(who).append(":\n")
                    .append(m.body()).append("\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }
}
