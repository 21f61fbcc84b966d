package org.mvtm.web.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.Usernames;

/**
 * The users who may sign in, filled by the server (demo users, or a real directory loaded at start-up).
 * Thread-safe; lookups are by lower-case username.
 */
public final class WebUserDirectory {
    private final ConcurrentMap<String, WebUser> users = new ConcurrentHashMap<>();

    public WebUserDirectory() {
    }

    public WebUserDirectory(Collection<WebUser> initial) {
        initial.forEach(this::add);
    }

    /** Adds a user; a second user with the same username is rejected (nothing is replaced silently). */
    public WebUserDirectory add(WebUser user) {
        WebUser previous = users.putIfAbsent(user.username(), user);
        if (previous != null) {
            throw new IllegalArgumentException("user " + user.username() + " exists already");
        }
        return this;
    }

    /** Replaces a user's entry (password change, new regions). */
    public void replace(WebUser user) {
        users.put(user.username(), user);
    }

    /** Makes the directory hold exactly {@code all} (a reload from the system of record); lookups never see it empty. */
    public synchronized void replaceAll(Collection<WebUser> all) {
        Map<String, WebUser> next = new HashMap<>();
        for (WebUser u : all) {
            if (next.putIfAbsent(u.username(), u) != null) {
                throw new IllegalArgumentException("user " + u.username() + " is listed twice");
            }
        }
        users.putAll(next);
        users.keySet().retainAll(next.keySet());
    }

    public Optional<WebUser> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(users.get(Usernames.normalized(username)));
    }

    public Optional<WebUser> findAdvisor(AgentId agentId) {
        return users.values().stream().filter(u -> u.agentId().filter(agentId::equals).isPresent()).findFirst();
    }

    public List<WebUser> all() {
        return users.values().stream().sorted(Comparator.comparing(WebUser::username)).toList();
    }
}
