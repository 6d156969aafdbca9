package vn.childprotection.directory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private final Directory directory;
    private final ServiceProviders providers;

    public DirectoryController(Directory directory, ServiceProviders providers) {
        this.directory = directory;
        this.providers = providers;
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
