package vn.childprotection.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.TooLargeException;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.ServiceProviders;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;
import vn.childprotection.web.Uploads;

/**
 * The case file page and what is added on it (contact notes, plan items, attachments): what GET /api/cases/{id}
 * shows, to the same users. The register is {@link RegisterPage}.
 */
@PageController
class CasePages {

    private final CaseFileService cases;
    private final TimelineView timelineView;
    private final ContactNotes notes;
    private final Attachments attachments;
    private final PlanItems planItems;
    private final ServiceProviders providers;
    private final Validator validator;
    private final Messages messages;
    private final Clock clock;

    CasePages(CaseFileService cases, TimelineView timelineView, ContactNotes notes, Attachments attachments, PlanItems planItems, ServiceProviders providers,
              Validator validator, Messages messages, Clock clock) {
        this.cases = cases;
        this.timelineView = timelineView;
        this.notes = notes;
        this.attachments = attachments;
        this.planItems = planItems;
        this.providers = providers;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}")
    String caseFile(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user, Model model) {
        return show(caseId, user, Map.of(), Map.of(), model);
    }

    /** A contact note from the case page: back to the case with the note, or the form again with what is wrong. */
    @PostMapping("/cases/{caseId}/notes")
    String addNote(@PathVariable UUID caseId, @RequestParam Map<String, String> values,
                   @AuthenticationPrincipal StaffPrincipal user, Model model, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        ContactNotes.ContactKind kind = parse(values.get("kind"), ContactNotes.ContactKind::valueOf, "kind", errors);
        LocalDate day = parse(values.get("contactDate"), LocalDate::parse, "contactDate", errors);
        ContactNotes.NewNote note = new ContactNotes.NewNote(kind, day, values.get("metWith"), values.get("observations"),
                values.get("nextStep"));
        validator.validate(note).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (errors.isEmpty()) {
            try {
                notes.add(caseId, note, user);
                flash.addFlashAttribute("ok", "note.saved");
                return "redirect:/cases/" + caseId + "#notes";
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            } catch (ConflictException e) {
                // closed while the form was open
                errors.put("kind", e.getMessage());
            }
        }
        return show(caseId, user, values, errors, model);
    }

    /** The address a failed note was answered at, opened again: the case page, at its notes. */
    @GetMapping("/cases/{caseId}/notes")
    String notes(@PathVariable UUID caseId) {
        return "redirect:/cases/" + caseId + "#notes";
    }

    /** A plan item from the case page: back to the case at its plan, or the form again with what is wrong. */
    @PostMapping("/cases/{caseId}/plan-items")
    String addPlanItem(@PathVariable UUID caseId, @RequestParam Map<String, String> values,
                       @AuthenticationPrincipal StaffPrincipal user, Model model, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        ServiceProviders.ServiceKind service = parse(values.get("service"), ServiceProviders.ServiceKind::valueOf,
                "service", errors);
        UUID provider = parse(values.get("providerId"), UUID::fromString, "providerId", errors);
        LocalDate due = parse(values.get("dueOn"), LocalDate::parse, "dueOn", errors);
        PlanItems.NewItem item = new PlanItems.NewItem(service, provider, values.get("action"), values.get("responsible"), due);
        validator.validate(item).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (errors.isEmpty()) {
            try {
                planItems.add(caseId, item, user);
                flash.addFlashAttribute("planOk", "planItem.saved");
                return "redirect:/cases/" + caseId + "#plan";
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            } catch (ConflictException e) {
                errors.put("service", e.getMessage());
            }
        }
        model.addAttribute("planValues", values);
        model.addAttribute("planErrors", errors);
        return show(caseId, user, Map.of(), Map.of(), model);
    }

    /** An item followed up from the case page. */
    @PostMapping("/cases/{caseId}/plan-items/{itemId}/status")
    String planItemStatus(@PathVariable UUID caseId, @PathVariable UUID itemId, @RequestParam Map<String, String> values,
                          @AuthenticationPrincipal StaffPrincipal user, Model model, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        PlanItems.ItemStatus status = parse(values.get("status"), PlanItems.ItemStatus::valueOf, "status", errors);
        PlanItems.StatusChange change = new PlanItems.StatusChange(status, values.get("outcome"));
        validator.validate(change).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (errors.isEmpty()) {
            try {
                planItems.change(caseId, itemId, change, user);
                flash.addFlashAttribute("planOk", "planItem.updated");
                return "redirect:/cases/" + caseId + "#plan";
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            } catch (ConflictException e) {
                errors.put("status", e.getMessage());
            }
        }
        model.addAttribute("itemErrors", Map.of(itemId, errors));
        return show(caseId, user, Map.of(), Map.of(), model);
    }

    /** The address a failed plan form was answered at, opened again: the case page, at its plan. */
    @GetMapping({"/cases/{caseId}/plan-items", "/cases/{caseId}/plan-items/{itemId}/status"})
    String planAnchor(@PathVariable UUID caseId) {
        return "redirect:/cases/" + caseId + "#plan";
    }

    /** A file from the case page: back to the case at its attachments, with what was added or why not. */
    @PostMapping("/cases/{caseId}/attachments")
    String attach(@PathVariable UUID caseId, @RequestParam(name = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal StaffPrincipal user, Model model, RedirectAttributes flash) {
        String error;
        try {
            Attachments.Added added = attachments.add(caseId, file, user);
            flash.addFlashAttribute("attachmentOk", added.fileName());
            return "redirect:/cases/" + caseId + "#attachments";
        } catch (InvalidInputException e) {
            error = e.errors().get(0).message();
        } catch (TooLargeException e) {
            error = tooLarge();
        }
        model.addAttribute("attachmentError", error);
        return show(caseId, user, Map.of(), Map.of(), model);
    }

    /** The upload's parts could not be read: over the multipart limits, or cut short. */
    @ExceptionHandler(MultipartException.class)
    String unreadableUpload(MultipartException e, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("attachmentError", e instanceof MaxUploadSizeExceededException ? tooLarge()
                : messages.text("attachment.unreadable"));
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        UUID caseId = UUID.fromString((String) ((Map<?, ?>) variables).get("caseId"));
        return "redirect:/cases/" + caseId + "#attachments";
    }

    private String tooLarge() {
        return messages.text("problem.tooLarge", Uploads.megabytes(attachments.maxBytes()));
    }

    /** The address an upload was answered at, opened again: the case page, at its attachments. */
    @GetMapping("/cases/{caseId}/attachments")
    String attachmentsAnchor(@PathVariable UUID caseId) {
        return "redirect:/cases/" + caseId + "#attachments";
    }

    /** One attachment, as a download (never inline); audited. */
    @GetMapping("/cases/{caseId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID caseId, @PathVariable UUID attachmentId,
                                    @AuthenticationPrincipal StaffPrincipal user) {
        return CaseController.asDownload(attachments.read(caseId, attachmentId, user));
    }

    private String show(UUID caseId, StaffPrincipal user, Map<String, String> noteValues, Map<String, String> noteErrors,
                        Model model) {
        model.addAttribute("c", cases.view(caseId, user));
        model.addAttribute("timeline", timelineView.of(cases.timeline(caseId, user)));
        model.addAttribute("now", clock.instant());
        model.addAttribute("mayNote", user.hasRole(Role.WORKER) || user.hasRole(Role.CHAIR) || user.hasRole(Role.SUPERVISOR));
        model.addAttribute("contactKinds", Arrays.asList(ContactNotes.ContactKind.values()));
        model.addAttribute("noteValues", noteValues);
        model.addAttribute("noteErrors", noteErrors);
        model.addAttribute("attachments", attachments.onCasePage(caseId, user));
        CaseView view = (CaseView) model.getAttribute("c");
        model.addAttribute("planItems", planItems.onCasePage(caseId, user));
        // the directory only where the plan form is shown: an open case, to those who add items
        boolean mayPlan = Boolean.TRUE.equals(model.getAttribute("mayNote")) && view.status() == CaseStatus.OPEN;
        model.addAttribute("providers", mayPlan ? providers.serving(view.commune().code()) : List.of());
        model.addAttribute("serviceKinds", Arrays.asList(ServiceProviders.ServiceKind.values()));
        model.addAttribute("itemStatuses", Arrays.asList(PlanItems.ItemStatus.values()));
        if (!model.containsAttribute("planValues")) {
            model.addAttribute("planValues", Map.of());
            model.addAttribute("planErrors", Map.of());
        }
        if (!model.containsAttribute("itemErrors")) {
            model.addAttribute("itemErrors", Map.of());
        }
        model.addAttribute("mayPrintFile", user.hasRole(Role.SUPERVISOR));
        model.addAttribute("maxAttachmentBytes", attachments.maxBytes());
        model.addAttribute("maxAttachmentMb", Uploads.megabytes(attachments.maxBytes()));
        return "cases/case";
    }

    /** A typed value read into its type; a blank one is left for the validation to name, a wrong one named here. */
    private <T> T parse(String value, Function<String, T> reader, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return reader.apply(value.strip());
        } catch (RuntimeException e) {
            errors.put(field, messages.text("problem.field.unreadable"));
            return null;
        }
    }
}
