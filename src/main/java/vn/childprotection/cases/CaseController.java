package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.security.StaffPrincipal;

@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private final CaseFileService cases;

    public CaseController(CaseFileService cases) {
        this.cases = cases;
    }

    @GetMapping("/{caseId}")
    public CaseView caseFile(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return cases.view(caseId, user);
    }
}
