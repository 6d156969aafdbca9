package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;

/** The "In" (print) links of the case page and the task page: the same papers for a signed-in browser. */
@PageController
class CasePrintPage {

    private final CasePrints prints;

    CasePrintPage(CasePrints prints) {
        this.prints = prints;
    }

    @GetMapping("/cases/{caseId}/print/{form}")
    ResponseEntity<byte[]> print(@PathVariable UUID caseId, @PathVariable String form,
                                 @AuthenticationPrincipal StaffPrincipal user) {
        return CasePrintController.asPdf(prints.print(caseId, form, user));
    }
}
