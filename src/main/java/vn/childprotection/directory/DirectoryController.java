package vn.childprotection.directory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private final Directory directory;

    public DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/communes")
    public List<Commune> communes() {
        return directory.communes();
    }
}
