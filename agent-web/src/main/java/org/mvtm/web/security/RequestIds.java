package org.mvtm.web.security;

import java.util.function.Function;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebUser;

/**
 * The ids a call-bound request names, read the same way by every controller: the signed-in advisor and the
 * interaction in the path. Each caller says how it refuses ({@code refusal} makes its exception from the message), so
 * the answer keeps that API's status and shape.
 */
public final class RequestIds {
    private RequestIds() {
    }

    /** The user's advisor id; {@code refusal("this user is not an advisor")} for a user who is none. */
    public static AgentId advisor(WebUser user, Function<String, ? extends RuntimeException> refusal) {
        return user.agentId().orElseThrow(() -> refusal.apply("this user is not an advisor"));
    }

    /** The interaction id {@code value}; {@code refusal("no interaction " + value)} when it is not one. */
    public static InteractionId interaction(String value, Function<String, ? extends RuntimeException> refusal) {
        try {
            return InteractionId.of(value);
        } catch (IllegalArgumentException e) {
            throw refusal.apply("no interaction " + value);
        }
    }
}
