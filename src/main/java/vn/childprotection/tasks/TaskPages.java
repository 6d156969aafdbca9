package vn.childprotection.tasks;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.childprotection.cases.CaseFileService;
import vn.childprotection.cases.CaseGlance;
import vn.childprotection.cases.PlanItems;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.directory.CandidateGroups;
import vn.childprotection.directory.People;
import vn.childprotection.process.DeadlineState;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.FormField;
import vn.childprotection.web.PageController;

/** The inbox and task pages: the same service as the API, in the user's language. */
@PageController
class TaskPages {

    /** An inbox row: the task, its deadline state (the page marks OVERDUE and DUE_SOON) and its case at a glance. */
    record Row(OpenTask task, DeadlineState state, String childName, CaseGlance.Danger danger) {
    }

    private final WorkTaskService tasks;
    private final CaseFileService cases;
    private final CaseGlance glances;
    private final DecisionContext decisions;
    private final People people;
    private final Clock clock;
    private final PlanItems planItems;

    /** The steps whose page shows the plan's items. */
    private static final java.util.Set<TaskType> PLAN_STEPS = java.util.EnumSet.of(TaskType.PLAN_DRAFT,
            TaskType.PLAN_APPROVAL, TaskType.PLAN_REVIEW, TaskType.CLOSURE_APPROVAL);

    TaskPages(WorkTaskService tasks, CaseFileService cases, CaseGlance glances, DecisionContext decisions,
              People people, Clock clock, PlanItems planItems) {
        this.planItems = planItems;
        this.tasks = tasks;
        this.cases = cases;
        this.glances = glances;
        this.decisions = decisions;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String inbox(@AuthenticationPrincipal StaffPrincipal user, @RequestParam(required = false) TaskType type,
                 Model model) {
        List<OpenTask> open = tasks.inbox(user, 0, 200).stream()
                .filter(t -> type == null || t.type() == type)
                .toList();
        Map<UUID, CaseGlance.Glance> glance = glances.of(open.stream().map(OpenTask::caseId).toList());
        List<Row> rows = open.stream()
                .map(t -> row(t, glance.get(t.caseId())))
                .toList();
        model.addAttribute("mine", rows.stream().filter(r -> user.getUsername().equals(r.task().assignee())).toList());
        model.addAttribute("toClaim", rows.stream().filter(r -> r.task().assignee() == null).toList());
        model.addAttribute("types", Arrays.asList(TaskType.values()));
        model.addAttribute("type", type);
        // step 9: what the plans asked of the services and is not delivered by its day
        model.addAttribute("overdueItems", planItems.overdueFor(user));
        return "tasks/inbox";
    }

    private Row row(OpenTask task, CaseGlance.Glance glance) {
        DeadlineState state = DeadlineState.of(task.dueAt(), null, clock);
        if (glance == null) {
            return new Row(task, state, null, null);
        }
        return new Row(task, state, glance.childName(),
                glance.dangerFor(CandidateGroups.isPolice(task.candidateGroup())));
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes flash) {
        try {
            tasks.claim(taskId, user);
            flash.addFlashAttribute("ok", "task.claimed");
            return "redirect:/tasks/" + taskId;
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", "task.someoneFaster");
            return "redirect:/tasks";
        }
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes flash) {
        try {
            tasks.unclaim(taskId, user);
            flash.addFlashAttribute("ok", "task.released");
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", "task.heldByOther");
        }
        return "redirect:/tasks";
    }

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId, @AuthenticationPrincipal StaffPrincipal user, Model model) {
        return show(tasks.task(taskId, user), user, Map.of(), Map.of(), model);
    }

    @PostMapping("/tasks/{taskId}")
    String complete(@PathVariable String taskId, @RequestParam Map<String, String> values,
                    @AuthenticationPrincipal StaffPrincipal user, Model model, RedirectAttributes flash) {
        OpenTask task = tasks.task(taskId, user);
        List<FormField> fields = FormField.of(tasks.formOf(task.type()));
        try {
            tasks.complete(taskId, FormField.toJson(fields, values::get), user);
        } catch (InvalidInputException e) {
            Map<String, String> errors = e.errors().stream()
                    .collect(Collectors.toMap(FieldMessage::field, FieldMessage::message, (a, b) -> a + " " + b));
            return show(task, user, values, errors, model);
        } catch (UnreadableFormException e) {
            model.addAttribute("unreadable", true);
            return show(task, user, values, Map.of(), model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.getMessage());
            return show(task, user, values, Map.of(), model);
        }
        if (task.type() == TaskType.EMERGENCY_ACTION && "false".equals(values.get("childSafe"))) {
            // not safe yet: the worker keeps the action that opens again; the chair and the supervisor are told
            var again = tasks.openOfCase(task.caseId(), TaskType.EMERGENCY_ACTION, user);
            if (again.isPresent()) {
                tasks.claim(again.get().taskId(), user);
                flash.addFlashAttribute("error", "task.childNotSafe");
                return "redirect:/tasks/" + again.get().taskId();
            }
        }
        // a decision says what was decided: approved, or sent back to whoever drafted it
        boolean decision = task.type() == TaskType.PLAN_APPROVAL || task.type() == TaskType.CLOSURE_APPROVAL;
        flash.addFlashAttribute("ok", !decision ? "task.completed"
                : "false".equals(values.get("approved")) ? "task.returned." + task.type() : "task.approved." + task.type());
        String followUpOn = values.get("followUpOn");
        if (task.type() == TaskType.CLOSURE_APPROVAL && "true".equals(values.get("approved"))
                && followUpOn != null && !followUpOn.isBlank()) {
            flash.addFlashAttribute("ok", "task.followUpSet");
            flash.addFlashAttribute("okArg", java.time.LocalDate.parse(followUpOn)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        if (task.type() == TaskType.FOLLOW_UP_VISIT && "true".equals(values.get("reopen"))) {
            flash.addFlashAttribute("ok", "task.reopened");
        }
        return "redirect:/tasks";
    }

    private String show(OpenTask task, StaffPrincipal user, Map<String, String> values, Map<String, String> errors,
                        Model model) {
        model.addAttribute("task", task);
        model.addAttribute("caseFile", cases.view(task.caseId(), user));
        List<FormField> fields = FormField.of(tasks.formOf(task.type()));
        model.addAttribute("fields", fields);
        // a form that names a person (who visits the child after closing) offers the commune's workers by name
        model.addAttribute("people", fields.stream().anyMatch(f -> f.kind() == FormField.Kind.PERSON)
                ? people.workersOf(task.communeCode()) : Map.of());
        // what the decision is about, and for a plan sent back the chair's reason and the plan as it was
        DecisionContext.Context context = decisions.of(task);
        model.addAttribute("decidedOn", context.decidedOn());
        // the plan's items and where each stands: for the plan, its approval, its review and the closure
        model.addAttribute("planItems", PLAN_STEPS.contains(task.type()) ? planItems.onCasePage(task.caseId(), user) : List.of());
        model.addAttribute("refusal", context.refusal());
        if (context.refusal() != null && values.isEmpty()) {
            values = context.previousPlan();
        }
        model.addAttribute("values", values);
        model.addAttribute("approval", task.type() == TaskType.PLAN_APPROVAL || task.type() == TaskType.CLOSURE_APPROVAL);
        model.addAttribute("errors", errors);
        model.addAttribute("mine", user.getUsername().equals(task.assignee()));
        model.addAttribute("assigneeName", task.assignee() == null ? null : people.nameOf(task.assignee()));
        model.addAttribute("late", DeadlineState.of(task.dueAt(), null, clock).missed());
        return "tasks/task";
    }
}
