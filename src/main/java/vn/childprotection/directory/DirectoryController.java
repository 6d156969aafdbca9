package vn.childprotection.directory;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;

@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private final Directory directory;
    private final ServiceProviders providers;
    private final Messages messages;

    public DirectoryController(Directory directory, ServiceProviders providers, Messages messages) {
        this.directory = directory;
        this.providers = providers;
        this.messages = messages;
    }

    /**
     * A service provider added by the supervisor of its province (or an administrator): a commune of that
     * province, or none for the whole province; 201 with its id.
     */
    @PostMapping("/providers")
    public ResponseEntity<Map<String, UUID>> addProvider(@Valid @RequestBody ServiceProviders.NewProvider provider,
                                                         Principal principal) {
        StaffUser user = directory.user(principal.getName()).orElseThrow();
        boolean admin = user.grants().stream().anyMatch(g -> g.role() == Role.ADMIN);
        boolean supervises = user.grants().stream()
                .anyMatch(g -> g.role() == Role.SUPERVISOR && provider.provinceCode().equals(g.provinceCode()));
        if (!admin && !supervises) {
            throw new InvalidInputException("provinceCode", messages.text("provider.notYourProvince"));
        }
        if (!directory.provinceCodes().contains(provider.provinceCode())) {
            throw new InvalidInputException("provinceCode", messages.text("validation.unknownProvince"));
        }
        if (provider.communeCode() != null && !provider.communeCode().isBlank()
                && directory.communeInForce(provider.communeCode().strip())
                        .filter(c -> c.provinceCode().equals(provider.provinceCode())).isEmpty()) {
            throw new InvalidInputException("communeCode", messages.text("provider.communeElsewhere"));
        }
        UUID id = providers.add(provider);
        return ResponseEntity.created(URI.create("/api/directory/providers/" + id)).body(Map.of("id", id));
    }

    /** The services a commune can call on for its plans: its own and its province's. */
    @GetMapping("/providers")
    public List<ServiceProviders.Provider> providers(@RequestParam String communeCode) {
        return providers.serving(communeCode);
    }

    @GetMapping("/communes")
    public List<Commune> communes() {
        return directory.communes();
    }
}
