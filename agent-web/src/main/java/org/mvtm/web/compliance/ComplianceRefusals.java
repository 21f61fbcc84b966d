package org.mvtm.web.compliance;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvtm.core.Region;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;

/**
 * Writes a request to {@code /api/compliance/**} that Spring Security refused (a signed-in user without the role, a
 * missing CSRF token) to the recording audit log as the action it attempted (e.g. an advisor's try at a recording's
 * timeline is a DENIED TIMELINE on that recording), then answers 403 as before.
 */
@Component
public class ComplianceRefusals implements AccessDeniedHandler {
    private static final Logger log = LoggerFactory.getLogger(ComplianceRefusals.class);
    private static final Pattern RECORDING = Pattern.compile("/api/compliance/recordings/([^/]+)(/.*)?");
    private final RecordingStore store;
    private final AccessDeniedHandler answer = new AccessDeniedHandlerImpl();

    ComplianceRefusals(RecordingStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<WebUser> user = CurrentUser.of(request.getUserPrincipal());
        String who = user.map(WebUser::username)
                .orElse(request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName());
        Set<Region> regions = user.map(WebUser::regions).orElse(Set.of());
        Matcher m = RECORDING.matcher(path);
        String recording = m.matches() ? m.group(1) : null;
        Optional<AuditAction> attempted = attempted(request.getMethod(), path, m.matches() ? m.group(2) : null);
        try {
            attempted.ifPresent(action -> store.auditRefusal(who, regions, action, recording,
                    "refused by the web tier: " + request.getMethod() + " " + path
                            + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                            + " (" + refused.getMessage()
                            + "); roles=" + user.map(Viewers::roles).orElse(Set.of()) + "; purpose="
                            + Optional.ofNullable(request.getHeader(Viewers.PURPOSE)).orElse("")));
        } catch (RuntimeException e) {
            log.error("could not audit the refused {} {} of {}", request.getMethod(), path, who, e);
        }
        answer.handle(request, response, refused);
    }

    /** The store action a request to {@code path} would have been, if any. */
    static Optional<AuditAction> attempted(String method, String path, String recordingTail) {
        if (path.startsWith("/api/compliance/audit")) {
            return Optional.of(AuditAction.READ_AUDIT);
        }
        if (path.startsWith("/api/compliance/retention")) {
            return "GET".equals(method) ? Optional.empty() : Optional.of(AuditAction.RETENTION_RULE);
        }
        if (path.equals("/api/compliance/recordings")) {
            return Optional.of(AuditAction.SEARCH);
        }
        if (!path.startsWith("/api/compliance/recordings/")) {
            return Optional.empty();
        }
        String tail = recordingTail == null ? "" : recordingTail;
        return Optional.of(switch (tail) {
            case "" -> AuditAction.DESCRIBE;
            case "/timeline" -> AuditAction.TIMELINE;
            case "/legs" -> AuditAction.LEGS;
            case "/verify" -> AuditAction.VERIFY;
            case "/export" -> AuditAction.EXPORT;
            case "/legal-hold" -> AuditAction.LEGAL_HOLD;
            case "/deletion" -> AuditAction.DELETE_REQUEST;
            case "/deletion/approve" -> AuditAction.DELETE;
            case "/deletion/withdraw" -> AuditAction.DELETE_WITHDRAW;
            default -> tail.startsWith("/media/") ? AuditAction.REPLAY : AuditAction.DESCRIBE;
        });
    }
}
