package org.mvtm.web.admin;

import java.security.Principal;
import java.util.List;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdvisorChange;
import org.mvtm.admin.api.AdvisorProfile;
import org.mvtm.admin.api.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Advisors' routing profiles (skills with levels, region, capacity). An advisor is a user with the ADVISOR role
 * (create it under /api/admin/users, set its desk phone's SIP password there). ADMIN only.
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
}
