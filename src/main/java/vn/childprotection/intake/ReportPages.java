package vn.childprotection.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.childprotection.cases.CaseFileService;
import vn.childprotection.cases.Child;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.ApiProblems;
import vn.childprotection.web.FormField;
import vn.childprotection.web.PageController;

/** The intake form, drawn from ReportRequest: the same validation and service as POST /api/reports. */
@PageController
class ReportPages {

    /** The report's fields with their limits, read from the record the API validates: the page never repeats them. */
    private static final Map<String, FormField> FIELDS = FormField.byPath(ReportRequest.class);

    private static final Set<String> YES_NO = Set.of("immediateDanger", "crimeSuspected", "allegedAbuserIsCaregiver",
            "reporter.anonymous");

    private final IntakeService intake;
    private final CaseFileService cases;
    private final Directory directory;
    private final ObjectMapper json;
    private final Validator validator;
    private final Messages messages;
    private final ZoneId zone;

    ReportPages(IntakeService intake, CaseFileService cases, Directory directory, ObjectMapper json, Validator validator,
                Messages messages, Clock clock) {
        this.intake = intake;
        this.cases = cases;
        this.directory = directory;
        this.json = json;
        this.validator = validator;
        this.messages = messages;
        this.zone = clock.getZone();
    }

    @GetMapping("/reports/new")
    String form(Model model) {
        return show(new LinkedHashMap<>(Map.of("reporter.anonymous", "true")), List.of(), Map.of(), model);
    }

    @PostMapping("/reports")
    String submit(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal StaffPrincipal user,
                  Model model, RedirectAttributes flash) {
        Map<String, String> values = params.toSingleValueMap();
        List<String> harms = params.getOrDefault("harmTypes", List.of());
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode body = json.createObjectNode();
        values.forEach((name, value) -> {
            if (!name.equals("harmTypes") && !name.equals("_csrf") && value != null && !value.isBlank()) {
                put(body, name, value.strip(), errors);
            }
        });
        ArrayNode harmTypes = body.putArray("harmTypes");
        harms.forEach(harmTypes::add);
        try {
            ReportRequest request = json.treeToValue(body, ReportRequest.class);
            for (ConstraintViolation<ReportRequest> v : validator.validate(request)) {
                errors.putIfAbsent(v.getPropertyPath().toString().replaceAll("\\[\\d+]", "")
                        .replace("<list element>", ""), v.getMessage());
            }
            if (errors.isEmpty()) {
                IntakeService.Receipt receipt = intake.receive(request, user.getUsername());
                flash.addFlashAttribute("receipt", receipt);
                return "redirect:/reports/new";
            }
        } catch (JsonMappingException e) {
            errors.putIfAbsent(ApiProblems.path(e).replaceAll("\\[\\d+]", ""), messages.text("problem.field.unreadable"));
        } catch (JsonProcessingException e) {
            errors.putIfAbsent("", messages.text("problem.unreadable"));
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        }
        return show(values, harms, errors, model);
    }

    /** For the form, while it is filled in: may this child already have an open case this user can see? */
    @GetMapping("/reports/check")
    String check(@RequestParam(required = false) String communeCode,
                 @RequestParam(name = "child.fullName", required = false) String fullName,
                 @RequestParam(name = "child.birthDate", required = false) String birthDate,
                 @RequestParam(name = "child.nationalId", required = false) String nationalId,
                 @AuthenticationPrincipal StaffPrincipal user, Model model) {
        boolean found = false;
        if (communeCode != null && !communeCode.isBlank()) {
            LocalDate born = null;
            try {
                born = birthDate == null || birthDate.isBlank() ? null : LocalDate.parse(birthDate);
            } catch (DateTimeParseException ignored) {
                // a half-typed date finds nothing
            }
            Child child = new Child(blankToNull(fullName), Child.Sex.UNKNOWN, born, null, blankToNull(nationalId),
                    null, null);
            found = cases.openCaseHint(communeCode, child, user);
        }
        model.addAttribute("found", found);
        return "intake/new :: duplicate";
    }

    private String show(Map<String, String> values, List<String> harms, Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("fields", FIELDS);
        model.addAttribute("harms", harms);
        model.addAttribute("errors", errors);
        model.addAttribute("communes", directory.communes());
        model.addAttribute("channels", Arrays.asList(Channel.values()));
        model.addAttribute("sexes", Arrays.asList(Child.Sex.values()));
        model.addAttribute("harmTypes", Arrays.asList(HarmType.values()));
        model.addAttribute("settings", Arrays.asList(Setting.values()));
        model.addAttribute("relationships", Arrays.asList(AbuserRelationship.values()));
        return "intake/new";
    }

    /** Puts a form value at its dotted path, typed as the API expects it. */
    private void put(ObjectNode body, String name, String value, Map<String, String> errors) {
        String[] path = name.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < path.length - 1; i++) {
            var next = node.get(path[i]);
            if (next != null && !(next instanceof ObjectNode)) {
                errors.put(name, messages.text("problem.field.unreadable"));
                return;
            }
            node = next == null ? node.putObject(path[i]) : (ObjectNode) next;
        }
        String leaf = path[path.length - 1];
        if (YES_NO.contains(name)) {
            node.put(leaf, Boolean.parseBoolean(value));
        } else if (name.equals("receivedAt")) {
            try {
                // a datetime-local field has no offset: the business time zone's
                node.put(leaf, LocalDateTime.parse(value).atZone(zone).toOffsetDateTime().toString());
            } catch (DateTimeParseException e) {
                errors.put(name, messages.text("problem.field.unreadable"));
            }
        } else {
            node.put(leaf, value);
        }
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
