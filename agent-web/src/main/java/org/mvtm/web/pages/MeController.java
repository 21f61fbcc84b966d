package org.mvtm.web.pages;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Region;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a page who is signed in (name, roles, regions, language) so it can label itself. */
@RestController
class MeController {
    @GetMapping("/api/me")
    Map<String, Object> me(Principal principal) {
        WebUser user = CurrentUser.require(principal);
        return Map.of("username", user.username(), "displayName", user.displayName(),
                "roles", user.roles().stream().map(Enum::name).sorted().toList(),
                "regions", user.regions().stream().map(Region::code).sorted().toList(),
                "agentId", user.agentId().map(a -> a.value()).orElse(""),
                "language", user.preferredLanguage().tag(),
                "tier", user.customerTier().name(),
                "features", List.of());
    }
}
