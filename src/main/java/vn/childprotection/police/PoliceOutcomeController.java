package vn.childprotection.police;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.childprotection.security.StaffPrincipal;

/**
 * The investigation outcome reported straight to the case (from police systems or the liaison),
 * whether or not the referral has been acknowledged yet.
 */
@RestController
public class PoliceOutcomeController {

    private final PoliceOutcomes outcomes;

    public PoliceOutcomeController(PoliceOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @PostMapping("/api/cases/{caseId}/police-outcome")
    public ResponseEntity<Void> outcome(@PathVariable UUID caseId, @Valid @RequestBody PoliceForms.OutcomeForm form,
                                        @AuthenticationPrincipal StaffPrincipal user) {
        outcomes.arrived(caseId, form, user);
        return ResponseEntity.noContent().build();
    }
}
