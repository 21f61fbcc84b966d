package org.mvtm.web.admin;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.NotFound;
import org.mvtm.admin.api.User;
import org.mvtm.admin.api.UserChange;
import org.mvtm.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users: create, change roles/regions/language, enable or disable, reset a local password, delete. ADMIN only. */
@RestController
@RequestMapping("/api/admin/users")
class AdminUsersController {
    private final AdministrationService admin;

    AdminUsersController(AdministrationService admin) {
        this.admin = admin;
    }

    @GetMapping
    List<User> users() {
        return admin.users();
    }

    @GetMapping("/{username}")
    User user(@PathVariable String username) {
        return admin.user(username).orElseThrow(() -> new NotFound("user", username));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    User create(@RequestBody UserChange user, Principal principal) {
        return admin.createUser(actor(principal), user);
    }

    @PutMapping("/{username}")
    User update(@PathVariable String username, @RequestBody UserChange user, Principal principal) {
        return admin.updateUser(actor(principal), username, user);
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username, Principal principal) {
        admin.deleteUser(actor(principal), username);
    }

    /** Body {@code {"password": "..."}}. */
    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @RequestBody Map<String, String> body, Principal principal) {
        admin.resetPassword(actor(principal), username, body.get("password"));
    }

    /** Body {@code {"sipPassword": "..."}}: an advisor's desk phone or a customer's SIP password, apart from the web password. */
    @PutMapping("/{username}/sip")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setSip(@PathVariable String username, @RequestBody Map<String, String> body, Principal principal) {
        String password = body.get("sipPassword");
        if (password == null) {
            throw InvalidChange.of("sipPassword", "is required (DELETE removes the SIP credentials)");
        }
        admin.setSipPassword(actor(principal), username, password);
    }

    @DeleteMapping("/{username}/sip")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeSip(@PathVariable String username, Principal principal) {
        admin.setSipPassword(actor(principal), username, null);
    }

    static String actor(Principal principal) {
        return CurrentUser.require(principal).username();
    }
}
