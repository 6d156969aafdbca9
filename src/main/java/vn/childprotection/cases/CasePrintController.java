package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.security.StaffPrincipal;

/**
 * {@code GET /api/cases/{caseId}/print/{form}}: a paper of the case as PDF ({@code mau-01} … {@code mau-07},
 * {@code closure}, {@code police-referral}, {@code case-file}), always as a download, never kept in a cache.
 */
@RestController
class CasePrintController {

    private final CasePrints prints;

    CasePrintController(CasePrints prints) {
        this.prints = prints;
    }

    @GetMapping("/api/cases/{caseId}/print/{form}")
    ResponseEntity<byte[]> print(@PathVariable UUID caseId, @PathVariable String form,
                                 @AuthenticationPrincipal StaffPrincipal user) {
        return asPdf(prints.print(caseId, form, user));
    }

    static ResponseEntity<byte[]> asPdf(CasePrints.Printed printed) {
        return CaseController.asDownload(new Attachments.Download(printed.fileName(), "application/pdf", printed.pdf()));
    }
}
