package org.mvtm.web.admin;

import java.security.Principal;
import java.util.List;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.NotFound;
import org.mvtm.admin.api.Queue;
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

/** Queues with their names, skills, SLA, aging, relaxation, hours, holidays, wrap-up and break codes. ADMIN only. */
@RestController
@RequestMapping("/api/admin/queues")
class AdminQueuesController {
    private final AdministrationService admin;

    AdminQueuesController(AdministrationService admin) {
        this.admin = admin;
    }

    @GetMapping
    List<Queue> queues() {
        return admin.queues();
    }

    @GetMapping("/{id}")
    Queue queue(@PathVariable String id) {
        return admin.queue(id).orElseThrow(() -> new NotFound("queue", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Queue create(@RequestBody Queue queue, Principal principal) {
        return admin.createQueue(AdminUsersController.actor(principal), queue);
    }

    @PutMapping("/{id}")
    Queue update(@PathVariable String id, @RequestBody Queue queue, Principal principal) {
        return admin.updateQueue(AdminUsersController.actor(principal), id, queue);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Principal principal) {
        admin.deleteQueue(AdminUsersController.actor(principal), id);
    }
}
