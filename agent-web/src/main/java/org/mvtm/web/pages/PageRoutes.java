package org.mvtm.web.pages;

import java.security.Principal;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Maps the console paths to their static pages and sends "/" to the signed-in user's console. */
@Controller
class PageRoutes {
    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }

    @GetMapping("/customer")
    String customer() {
        return "forward:/customer.html";
    }

    @GetMapping("/agent")
    String agent() {
        return "forward:/agent.html";
    }

    @GetMapping("/supervisor")
    String supervisor() {
        return "forward:/supervisor.html";
    }

    @GetMapping("/compliance")
    String compliance() {
        return "forward:/compliance.html";
    }

    @GetMapping("/admin")
    String admin() {
        return "forward:/admin.html";
    }

    /** The first administrator of an empty database, with the token printed at first start. */
    @GetMapping("/setup")
    String setup() {
        return "forward:/setup.html";
    }

    @GetMapping("/")
    String home(Principal principal) {
        WebUser user = CurrentUser.require(principal);
        if (user.has(WebRole.AGENT)) {
            return "redirect:/agent";
        }
        if (user.has(WebRole.SUPERVISOR)) {
            return "redirect:/supervisor";
        }
        if (user.has(WebRole.ADMIN)) {
            return "redirect:/admin";
        }
        if (user.has(WebRole.COMPLIANCE)) {
            return "redirect:/compliance";
        }
        return "redirect:/customer";
    }
}
