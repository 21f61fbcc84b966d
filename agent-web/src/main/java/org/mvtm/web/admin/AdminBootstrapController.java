package org.mvtm.web.admin;

import java.util.Set;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.User;
import org.mvtm.admin.api.UserChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first administrator of an empty database, with the one-time token the server printed at its first start.
 * Open to anyone holding the token (and a CSRF token); refused as soon as any user exists.
 */
@RestController
class AdminBootstrapController {
    private final AdministrationService admin;

    AdminBootstrapController(AdministrationService admin) {
        this.admin = admin;
    }

    /** Body: {@code token}, {@code username}, {@code password}, optional {@code displayName}, {@code regions}, {@code language}. */
    @PostMapping("/api/admin/bootstrap")
    @ResponseStatus(HttpStatus.CREATED)
    User bootstrap(@RequestBody Bootstrap body) {
        return admin.bootstrapAdmin(body.token(), new UserChange(body.username(), body.displayName(), Set.of(),
                body.regions() == null ? Set.of("HK") : body.regions(), body.language(), true, body.password(), null));
    }

    record Bootstrap(String token, String username, String password, String displayName, Set<String> regions,
                     String language) {
    }
}
