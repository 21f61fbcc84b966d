package org.mvtm.web.admin;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AuditEntry;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.VipTier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The skill catalogue, VIP tiers, the audit trail and this API's OpenAPI description. ADMIN only. */
@RestController
@RequestMapping("/api/admin")
class AdminCatalogController {
    private final AdministrationService admin;

    AdminCatalogController(AdministrationService admin) {
        this.admin = admin;
    }

    @GetMapping("/skills")
    List<Skill> skills() {
        return admin.skills();
    }

    /** Defines a custom or product skill, or relabels a known one. */
    @PutMapping("/skills/{name}")
    Skill defineSkill(@PathVariable String name, @RequestBody Skill skill, Principal principal) {
        return admin.defineSkill(AdminUsersController.actor(principal), new Skill(name, skill.kind(), skill.label()));
    }

    @GetMapping("/vip-tiers")
    List<VipTier> vipTiers() {
        return admin.vipTiers();
    }

    @PutMapping("/vip-tiers/{code}")
    VipTier saveVipTier(@PathVariable String code, @RequestBody VipTier tier, Principal principal) {
        return admin.saveVipTier(AdminUsersController.actor(principal), new VipTier(code, tier.label(), tier.rank(),
                tier.routingWeight()));
    }

    /** Newest first; {@code entity} is user, advisor, queue, skill or vip-tier. */
    @GetMapping("/audit")
    List<AuditEntry> audit(@RequestParam Optional<String> entity, @RequestParam(defaultValue = "100") int limit) {
        return admin.audit(entity, limit);
    }

    @GetMapping(value = "/openapi.yaml", produces = "application/yaml")
    ResponseEntity<byte[]> openApi() throws IOException {
        try (InputStream in = AdminCatalogController.class.getResourceAsStream("openapi.yaml")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                    .body(in.readAllBytes());
        }
    }
}
