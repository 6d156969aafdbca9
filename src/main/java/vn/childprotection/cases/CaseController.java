package vn.childprotection.cases;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.audit.AuditTrail;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.Paging;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFileService cases;
    private final CaseTransfers transfers;
    private final TimelineView timelineView;
    private final DuplicateCases duplicates;
    private final CaseRegister register;
    private final ContactNotes notes;
    private final Attachments attachments;
    private final PlanItems planItems;
    private final Paging paging;

    CaseController(CaseFileService cases, CaseTransfers transfers, TimelineView timelineView, DuplicateCases duplicates,
                   CaseRegister register, ContactNotes notes, Attachments attachments, PlanItems planItems,
                   Paging paging) {
        this.cases = cases;
        this.transfers = transfers;
        this.timelineView = timelineView;
        this.duplicates = duplicates;
        this.register = register;
        this.notes = notes;
        this.attachments = attachments;
        this.planItems = planItems;
        this.paging = paging;
    }

    /**
     * The case register: the cases the user may see, newest report first unless {@code sort} says otherwise
     * ({@code receivedAt}, {@code caseNumber}, {@code childName}, {@code status}, {@code communeCode}, each with
     * {@code ,asc} or {@code ,desc}); {@code q} finds a child's name without diacritics or case, a case number
     * or a national ID; {@code from} and {@code to} are days (Vietnam time) of the first report's receipt;
     * {@code worker} (a username) keeps the cases whose open work that person holds.
     */
    @GetMapping
    public List<CaseRegister.Row> register(@RequestParam(required = false) String q,
                                           @RequestParam(required = false) CaseStatus status,
                                           @RequestParam(required = false) TaskType step,
                                           @RequestParam(required = false) String harmType,
                                           @RequestParam(required = false) InitialAssessment.DangerLevel dangerLevel,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(required = false) String communeCode,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) String sort,
                                           @RequestParam(required = false) String worker,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size,
                                           @AuthenticationPrincipal StaffPrincipal user) {
        paging.check(page, size);
        return register.search(new CaseRegister.Query(q, status, step, harmType,
                dangerLevel, overdue, communeCode, from, to, sort, worker), user, page, size);
    }

    /** A home visit, call or meeting, recorded while the case is open; 201 with its id. */
    @PostMapping("/{caseId}/notes")
    public ResponseEntity<Map<String, UUID>> addNote(@PathVariable UUID caseId, @Valid @RequestBody ContactNotes.NewNote note,
                                                     @AuthenticationPrincipal StaffPrincipal user) {
        UUID id = notes.add(caseId, note, user);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/notes")).body(Map.of("id", id));
    }

    /** The case's contact notes, oldest contact first; not for the police or intake officers. */
    @GetMapping("/{caseId}/notes")
    public List<ContactNotes.Note> notes(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return notes.of(caseId, user);
    }

    /** An item of the plan (step 9): the service, the provider, what, who, by when; 201 with its id. */
    @PostMapping("/{caseId}/plan-items")
    public ResponseEntity<Map<String, UUID>> addPlanItem(@PathVariable UUID caseId, @Valid @RequestBody PlanItems.NewItem item,
                                                         @AuthenticationPrincipal StaffPrincipal user) {
        UUID id = planItems.add(caseId, item, user);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/plan-items")).body(Map.of("id", id));
    }

    /** The plan's items by due day, each with where it stands and whether it is overdue. */
    @GetMapping("/{caseId}/plan-items")
    public List<PlanItems.Item> planItems(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return planItems.of(caseId, user);
    }

    /** An item followed up: accepted, delivered, or not delivered with why; 204. */
    @PostMapping("/{caseId}/plan-items/{itemId}/status")
    public ResponseEntity<Void> planItemStatus(@PathVariable UUID caseId, @PathVariable UUID itemId,
                                               @Valid @RequestBody PlanItems.StatusChange change,
                                               @AuthenticationPrincipal StaffPrincipal user) {
        planItems.change(caseId, itemId, change, user);
        return ResponseEntity.noContent().build();
    }

    /** A scanned form, certificate or photo (PDF, JPEG, PNG, known by content); 201 with its SHA-256. */
    @PostMapping(path = "/{caseId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Attachments.Added> attach(@PathVariable UUID caseId, @RequestPart("file") MultipartFile file,
                                                    @AuthenticationPrincipal StaffPrincipal user) {
        Attachments.Added added = attachments.add(caseId, file, user);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/attachments/" + added.id())).body(added);
    }

    /** The case's attachments, oldest first; not for the police or intake officers. */
    @GetMapping("/{caseId}/attachments")
    public List<Attachments.Attachment> attachments(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user) {
        return attachments.of(caseId, user);
    }

    /** One attachment, always as a download; audited. */
    @GetMapping("/{caseId}/attachments/{attachmentId}")
    public ResponseEntity<byte[]> attachment(@PathVariable UUID caseId, @PathVariable UUID attachmentId,
                                             @AuthenticationPrincipal StaffPrincipal user) {
        return asDownload(attachments.read(caseId, attachmentId, user));
    }

    /** Never shown inline, never kept in a cache, never sniffed into another type. */
    static ResponseEntity<byte[]> asDownload(Attachments.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
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
