package org.mvtm.web.agent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mvtm.web.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Signing out of the advisor console logs the advisor out of routing before the session ends. */
@Component
public class ConsoleSignOut implements LogoutHandler {
    private final AdvisorDepartures departures;

    ConsoleSignOut(AdvisorDepartures departures) {
        this.departures = departures;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        CurrentUser.of(authentication).flatMap(u -> u.agentId()).ifPresent(departures::leave);
    }
}
