package vn.childprotection.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.web.PageController;

/**
 * "Hệ thống kết nối": the client systems an administrator registered, a new one registered (its key shown on the
 * answer to the form, this once, never put in the session), one revoked.
 */
@PageController
class ClientPages {

    private final ClientSystems clients;
    private final Directory directory;
    private final Messages messages;

    ClientPages(ClientSystems clients, Directory directory, Messages messages) {
        this.clients = clients;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/admin/clients")
    String list(Model model) {
        return page(model, new Form("", "", "", List.of("reports:write", "reports:read"), "60"), Map.of(), null);
    }

    @PostMapping("/admin/clients")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String displayName,
                    @RequestParam(required = false) String units, @RequestParam(required = false) List<String> scopes,
                    @RequestParam(required = false) String requestsPerMinute, Authentication admin, Model model,
                    jakarta.servlet.http.HttpServletResponse response) {
        // the answer may hold the key: kept by no cache, no browser history
        response.setHeader("Cache-Control", "no-store");
        Form input = new Form(name, displayName, units, scopes == null ? List.of() : scopes, requestsPerMinute);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer rate = null;
        try {
            rate = Integer.valueOf(requestsPerMinute == null ? "" : requestsPerMinute.strip());
        } catch (NumberFormatException e) {
            errors.put("requestsPerMinute", messages.text("client.rate"));
        }
        if (errors.isEmpty()) {
            try {
                List<String> codes = units == null ? List.of() : Arrays.stream(units.split("[,;\\s]+"))
                        .filter(code -> !code.isBlank()).toList();
                ClientSystems.Registered registered = clients.register(new ClientForm(name, displayName, codes,
                        input.scopes(), rate).checked(directory, messages), admin.getName());
                return page(model, new Form("", "", "", List.of("reports:write", "reports:read"), "60"), Map.of(),
                        registered);
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            } catch (ConflictException e) {
                errors.put("name", e.getMessage());
            }
        }
        return page(model, input, errors, null);
    }

    @PostMapping("/admin/clients/{id}/revoke")
    String revoke(@PathVariable UUID id, Authentication admin, RedirectAttributes flash) {
        clients.revoke(id, admin.getName());
        flash.addFlashAttribute("ok", "client.revoked");
        return "redirect:/admin/clients";
    }

    /** The form as typed: units as one line of codes. */
    record Form(String name, String displayName, String units, List<String> scopes, String requestsPerMinute) {
    }

    private String page(Model model, Form input, Map<String, String> errors, ClientSystems.Registered registered) {
        model.addAttribute("clients", clients.all());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("registered", registered);
        return "security/clients";
    }
}
