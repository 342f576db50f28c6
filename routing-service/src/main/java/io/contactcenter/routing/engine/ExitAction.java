package io.contactcenter.routing.engine;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What happens to a contact that leaves a queue's normal flow: overflow, closed hours, a full or empty
 * queue, a maximum wait. Terminal actions end the contact in routing; the telephony edge reads the action
 * from the contact and its {@code contact.overflowed} event.
 *
 * @param targetQueueId for {@link Kind#MOVE_TO_QUEUE}
 * @param message prompt id or text for {@link Kind#MESSAGE_HANGUP} (optional for the others)
 */
public record ExitAction(@NotNull Kind action, @Size(max = 64) String targetQueueId, @Size(max = 500) String message) {

    public enum Kind {
        /** Move to another queue, keeping the place (virtual start) and the context. */
        MOVE_TO_QUEUE,
        /** Drop every skill requirement so any member of the queue may take it (not terminal). */
        WIDEN_SKILLS,
        VOICEMAIL,
        /** Hand to the callback service: the caller keeps the place and is called back. */
        CALLBACK,
        MESSAGE_HANGUP
    }

    public boolean terminal() {
        return action != Kind.MOVE_TO_QUEUE && action != Kind.WIDEN_SKILLS;
    }

    /** Problems with this action at {@code path}; empty when valid. */
    public List<String> problems(String path, boolean allowWiden) {
        if (action == Kind.MOVE_TO_QUEUE && (targetQueueId == null || targetQueueId.isBlank())) {
            return List.of(path + ".targetQueueId: required when action is MOVE_TO_QUEUE");
        }
        if (action == Kind.WIDEN_SKILLS && !allowWiden) {
            return List.of(path + ".action: WIDEN_SKILLS only applies to overflow rules");
        }
        if (action == Kind.MESSAGE_HANGUP && (message == null || message.isBlank())) {
            return List.of(path + ".message: required when action is MESSAGE_HANGUP");
        }
        return List.of();
    }
}
