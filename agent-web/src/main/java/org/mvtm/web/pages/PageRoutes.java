package org.mvtm.web.pages;

import java.security.Principal;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Maps the console paths to their static pages and sends "/" to the signed-in user's console. */
@Controller
class PageRoutes {
    /**
     * /login, /customer, /agent, /supervisor, /compliance, /admin, and /setup (the first administrator of an empty
     * database, with the token printed at first start): each page's static file of the same name.
     */
    @GetMapping("/{page:login|customer|agent|supervisor|compliance|admin|setup}")
    String page(@PathVariable String page) {
        return "forward:/" + page + ".html";
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
