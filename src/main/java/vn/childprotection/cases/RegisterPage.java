package vn.childprotection.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;

/** The case register page: what GET /api/cases shows, to the same users, paged and filtered. */
@PageController
class RegisterPage {

    /** Rows per page of the register. */
    private static final int PAGE_SIZE = 50;

    private final CaseRegister register;
    private final Directory directory;

    RegisterPage(CaseRegister register, Directory directory) {
        this.register = register;
        this.directory = directory;
    }

    /** Every case the user may see, with or without an open task: found by name, number or national ID. */
    @GetMapping("/cases")
    String register(@RequestParam(required = false) String q, @RequestParam(required = false) CaseStatus status,
                    @RequestParam(required = false) TaskType step,
                    @RequestParam(required = false) InitialAssessment.DangerLevel dangerLevel,
                    @RequestParam(required = false) Boolean overdue,
                    @RequestParam(required = false) String communeCode,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(defaultValue = "false") boolean mine,
                    @RequestParam(defaultValue = "0") int page,
                    @AuthenticationPrincipal StaffPrincipal user, Model model) {
        int shown = Math.max(0, page);
        CaseRegister.Query query = new CaseRegister.Query(q, status, step, null, dangerLevel, overdue, communeCode,
                from, to, null, mine ? user.getUsername() : null);
        model.addAttribute("mine", mine);
        // the police and intake officers do not see steps, lateness or assessments: no filter on them
        model.addAttribute("wholeFilters", user.hasRole(Role.WORKER) || user.hasRole(Role.CHAIR)
                || user.hasRole(Role.SUPERVISOR));
        List<CaseRegister.Row> rows = List.of();
        try {
            // one more than a page: whether there is a next one
            rows = register.search(query, user, shown, PAGE_SIZE, 1);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        List<Commune> all = directory.communes();
        Map<String, String> communeNames = directory.allCommunes().stream()
                .collect(Collectors.toMap(Commune::code, Commune::name));
        model.addAttribute("query", query);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("communeNames", communeNames);
        model.addAttribute("communes", all.stream()
                .filter(c -> user.user().grants().stream().anyMatch(g -> g.role() == Role.SUPERVISOR
                        && c.provinceCode().equals(g.provinceCode())))
                .toList());
        model.addAttribute("statuses", Arrays.asList(CaseStatus.values()));
        model.addAttribute("steps", Arrays.asList(TaskType.values()));
        model.addAttribute("dangerLevels", Arrays.asList(InitialAssessment.DangerLevel.values()));
        return "cases/register";
    }
}
