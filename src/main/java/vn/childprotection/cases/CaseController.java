package vn.childprotection.cases;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.audit.AuditTrail;
import vn.childprotection.security.StaffPrincipal;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFileService cases;
    private final CaseTransfers transfers;
    private final TimelineView timelineView;
    private final DuplicateCases duplicates;

    CaseController(CaseFileService cases, CaseTransfers transfers, TimelineView timelineView, DuplicateCases duplicates) {
        this.cases = cases;
        this.transfers = transfers;
        this.timelineView = timelineView;
        this.duplicates = duplicates;
    }

    /** A supervisor's decision on a case marked as a possible duplicate. */
    record DuplicateDecision(@NotNull(message = "{validation.required}") DuplicateCases.Decision decision) {
    }

    @PostMapping("/{caseId}/duplicate")
    public ResponseEntity<Void> duplicate(@PathVariable UUID caseId, @Valid @RequestBody DuplicateDecision body,
                                          @AuthenticationPrincipal StaffPrincipal user) {
        duplicates.decide(caseId, body.decision(), user);
        return ResponseEntity.noContent().build();
    }

    /** Moving a case to the commune where the child now lives. */
    public record Transfer(
            @NotBlank(message = "{validation.required}") String communeCode,
            @Size(max = 500, message = "{validation.tooLong}") String reason) {
    }

    /** 204 when the case moved; 202 when it waits for the receiving province's supervisor to accept it. */
    @PostMapping("/{caseId}/transfer")
    public ResponseEntity<java.util.Map<String, Boolean>> transfer(@PathVariable UUID caseId,
            @Valid @RequestBody Transfer transfer,
            @AuthenticationPrincipal StaffPrincipal user) {
        if (transfers.transfer(caseId, transfer.communeCode(), transfer.reason(), user)) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.accepted().body(java.util.Map.of("pendingAcceptance", true));
    }

    @GetMapping("/{caseId}/access-log")
    public List<AuditTrail.Access> accessLog(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return cases.accessLog(caseId, user);
    }

    @GetMapping("/{caseId}/timeline")
    public List<TimelineView.TimelineEntry> timeline(@PathVariable UUID caseId,
                                                     @AuthenticationPrincipal StaffPrincipal user) {
        return timelineView.of(cases.timeline(caseId, user));
    }

    @GetMapping("/{caseId}")
    public CaseView caseFile(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return cases.view(caseId, user);
    }
}
