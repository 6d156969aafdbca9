package vn.childprotection.police;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.childprotection.security.StaffPrincipal;

/**
 * The investigation outcome reported straight to the case (from police systems or the liaison),
 * whether or not the referral has been acknowledged yet, and later outcomes of the same referral;
 * and a referral to the police that a worker starts at any step.
 */
@RestController
class PoliceOutcomeController {

    private final PoliceOutcomes outcomes;

    public PoliceOutcomeController(PoliceOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @PostMapping("/api/cases/{caseId}/police-outcome")
    public ResponseEntity<Void> outcome(@PathVariable UUID caseId, @RequestParam(required = false) UUID referralId,
                                        @Valid @RequestBody PoliceForms.OutcomeForm form,
                                        @AuthenticationPrincipal StaffPrincipal user) {
        outcomes.arrived(caseId, referralId, form, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/police-referrals")
    public ResponseEntity<Map<String, UUID>> refer(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        UUID referralId = outcomes.refer(caseId, user);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(Map.of("referralId", referralId));
    }
}
