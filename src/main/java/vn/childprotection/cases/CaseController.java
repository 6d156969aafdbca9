package vn.childprotection.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

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
import jakarta.validation.constraints.Size;
import vn.childprotection.audit.AuditTrail;
import vn.childprotection.security.StaffPrincipal;

@RestController
@RequestMapping("/api/cases")
public class CaseController {

    /** One line of GET /api/cases/{id}/timeline (API.md); {@code title} in the caller's language. */
    public record TimelineEntry(Instant at, String type, String title, String actor, Instant dueAt, Instant doneAt,
                                boolean overdue) {
    }

    private final CaseFileService cases;
    private final MessageSource messages;
    private final Clock clock;

    public CaseController(CaseFileService cases, MessageSource messages, Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.clock = clock;
    }

    /** Moving a case to the commune where the child now lives. */
    public record Transfer(
            @NotBlank(message = "{validation.required}") String communeCode,
            @Size(max = 500, message = "{validation.tooLong}") String reason) {
    }

    @PostMapping("/{caseId}/transfer")
    public ResponseEntity<Void> transfer(@PathVariable UUID caseId,
            @Valid @RequestBody Transfer transfer,
            @AuthenticationPrincipal StaffPrincipal user) {
        cases.transfer(caseId, transfer.communeCode(), transfer.reason(), user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{caseId}/access-log")
    public List<AuditTrail.Access> accessLog(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return cases.accessLog(caseId, user);
    }

    @GetMapping("/{caseId}/timeline")
    public List<TimelineEntry> timeline(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        Instant now = clock.instant();
        return cases.timeline(caseId, user).stream()
                .map(e -> new TimelineEntry(e.at(), e.type(), title(e), e.actor(), e.dueAt(), e.doneAt(), e.overdue(now)))
                .toList();
    }

    private String title(Timeline.Entry e) {
        Locale locale = LocaleContextHolder.getLocale();
        String step = e.step() == null ? "" : messages.getMessage("task.type." + e.step(), null, e.step(), locale);
        String key = messages.getMessage("timeline." + e.type(), new Object[] {step, e.detail()}, "", locale);
        return key.isEmpty() ? messages.getMessage("task.type." + e.type(), null, e.type(), locale) : key;
    }

    @GetMapping("/{caseId}")
    public CaseView caseFile(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return cases.view(caseId, user);
    }
}
