package vn.childprotection.intake;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.childprotection.security.StaffPrincipal;

@RestController
class IntakeController {

    private final IntakeService intake;

    public IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping("/api/reports")
    public ResponseEntity<IntakeService.Receipt> report(@Valid @RequestBody ReportRequest request,
                                                        @AuthenticationPrincipal StaffPrincipal user) {
        IntakeService.Receipt receipt = intake.receive(request, user.getUsername());
        return ResponseEntity.created(URI.create("/api/cases/" + receipt.caseId())).body(receipt);
    }
}
