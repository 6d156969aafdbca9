package vn.childprotection.security;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Directory;

/** Administrators register the systems that file reports through the API, and revoke them (ADMIN only). */
@RestController
@RequestMapping("/api/admin/clients")
class ClientAdminController {

    private final ClientSystems clients;
    private final Directory directory;
    private final Messages messages;

    ClientAdminController(ClientSystems clients, Directory directory, Messages messages) {
        this.clients = clients;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping
    List<ClientSystems.Client> all() {
        return clients.all();
    }

    /** 201 with the system and its key, shown this once: only its hash is kept. */
    @PostMapping
    ResponseEntity<ClientSystems.Registered> register(@RequestBody ClientForm form, Authentication admin) {
        ClientSystems.Registered registered = clients.register(form.checked(directory, messages), admin.getName());
        return ResponseEntity.created(URI.create("/api/admin/clients/" + registered.client().id())).body(registered);
    }

    @GetMapping("/{id}")
    ClientSystems.Client one(@PathVariable UUID id) {
        return clients.find(id).orElseThrow(() -> new NotFoundException("client system " + id));
    }

    /** From the next request on, the system's key is refused (401), on every node. */
    @PostMapping("/{id}/revoke")
    ClientSystems.Client revoke(@PathVariable UUID id, Authentication admin) {
        return clients.revoke(id, admin.getName());
    }
}
