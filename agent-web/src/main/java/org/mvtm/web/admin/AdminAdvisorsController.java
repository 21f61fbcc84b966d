package org.mvtm.web.admin;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdvisorChange;
import org.mvtm.admin.api.AdvisorProfile;
import org.mvtm.admin.api.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Advisors' routing profiles (skills with levels, region, capacity) and SIP phone credentials. An advisor is a user
 * with the ADVISOR role (create it under /api/admin/users). ADMIN only.
 */
@RestController
@RequestMapping("/api/admin/advisors")
class AdminAdvisorsController {
    private final AdministrationService admin;

    AdminAdvisorsController(AdministrationService admin) {
        this.admin = admin;
    }

    @GetMapping
    List<AdvisorProfile> advisors() {
        return admin.advisors();
    }

    @GetMapping("/{username}")
    AdvisorProfile advisor(@PathVariable String username) {
        return admin.advisor(username).orElseThrow(() -> new NotFound("advisor", username));
    }

    @PutMapping("/{username}")
    AdvisorProfile update(@PathVariable String username, @RequestBody AdvisorChange profile, Principal principal) {
        return admin.updateAdvisor(AdminUsersController.actor(principal), username, profile);
    }

    /** Body {@code {"sipPassword": "..."}}: the desk phone's digest password, kept apart from the web password. */
    @PutMapping("/{username}/sip")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setSip(@PathVariable String username, @RequestBody Map<String, String> body, Principal principal) {
        String password = body.get("sipPassword");
        if (password == null) {
            throw org.mvtm.admin.api.InvalidChange.of("sipPassword", "is required (DELETE removes the SIP credentials)");
        }
        admin.setSipPassword(AdminUsersController.actor(principal), username, password);
    }

    @DeleteMapping("/{username}/sip")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeSip(@PathVariable String username, Principal principal) {
        admin.setSipPassword(AdminUsersController.actor(principal), username, null);
    }
}
