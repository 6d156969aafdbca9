package vn.childprotection.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childprotection.cases.CaseForms;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.People;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.TaskType;
import vn.childprotection.web.FormField;

/**
 * What a decision is about, shown beside its form: the chair approving a plan reads the plan (as the
 * worker wrote it), closing a case reads the review, a separation review reads the emergency decision; a
 * plan sent back reaches the worker with the chair's reason and the plan as it was.
 */
@Component
class DecisionContext {

    /** A stored form as the page shows it: its title, its fields in words, who submitted it and when. */
    record Shown(String titleKey, List<Line> lines, String submittedBy, Instant submittedAt) {
    }

    record Line(String labelKey, String value) {
    }

    /** The chair sent the plan back: why, who, when. */
    record Refusal(String reason, String refusedBy, Instant refusedAt) {
    }

    private static final Map<TaskType, TaskType> DECIDES_ON = Map.of(
            TaskType.PLAN_APPROVAL, TaskType.PLAN_DRAFT,
            TaskType.CLOSURE_APPROVAL, TaskType.PLAN_REVIEW,
            TaskType.SEPARATION_REVIEW, TaskType.EMERGENCY_DECISION);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What the page shows beside a task's form; empty parts where the task decides on nothing. */
    record Context(Shown decidedOn, Refusal refusal, Map<String, String> previousPlan) {
    }

    private final CaseForms forms;
    private final WorkTaskService tasks;
    private final People people;
    private final Messages messages;

    DecisionContext(CaseForms forms, WorkTaskService tasks, People people, Messages messages) {
        this.forms = forms;
        this.tasks = tasks;
        this.people = people;
        this.messages = messages;
    }

    /** Reads the case's forms once: the latest form the task decides on, and for a plan sent back the refusal. */
    Context of(OpenTask task) {
        TaskType decided = DECIDES_ON.get(task.type());
        if (decided == null && task.type() != TaskType.PLAN_DRAFT) {
            return new Context(null, null, Map.of());
        }
        List<CaseForms.SubmittedForm> submitted = forms.of(task.caseId());
        Shown shown = decided == null ? null : latest(submitted, decided)
                .map(form -> new Shown("task.type." + decided, lines(decided, form.content()),
                        people.nameOf(form.submittedBy()), form.submittedAt()))
                .orElse(null);
        if (task.type() != TaskType.PLAN_DRAFT) {
            return new Context(shown, null, Map.of());
        }
        // a plan drafted again because the chair sent the one before back: the reason, and that plan to start from
        Optional<CaseForms.SubmittedForm> draft = latest(submitted, TaskType.PLAN_DRAFT);
        Refusal refusal = latest(submitted, TaskType.PLAN_APPROVAL)
                .filter(approval -> !approval.content().path("approved").asBoolean(true))
                .filter(approval -> draft.isEmpty() || approval.submittedAt().isAfter(draft.get().submittedAt()))
                .map(approval -> new Refusal(approval.content().path("reason").asText(""),
                        people.nameOf(approval.submittedBy()), approval.submittedAt()))
                .orElse(null);
        Map<String, String> previous = new LinkedHashMap<>();
        if (refusal != null) {
            draft.ifPresent(form -> form.content().fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    previous.put(field.getKey(), field.getValue().asText());
                }
            }));
        }
        return new Context(shown, refusal, previous);
    }

    private static Optional<CaseForms.SubmittedForm> latest(List<CaseForms.SubmittedForm> submitted, TaskType type) {
        return submitted.stream()
                .filter(f -> f.type().equals(type.name()))
                .max(Comparator.comparing(CaseForms.SubmittedForm::submittedAt));
    }

    /** Each field of the form in words: choices and yes/no in the reader's language, days as dd/mm/yyyy. */
    private List<Line> lines(TaskType type, JsonNode content) {
        List<Line> lines = new ArrayList<>();
        for (FormField field : FormField.of(tasks.formOf(type))) {
            JsonNode value = content.path(field.name());
            if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
                continue;
            }
            String text = switch (field.kind()) {
                case YES_NO -> messages.text(value.asBoolean() ? "yes" : "no");
                case CHOICE -> messages.text("enum." + field.enumType() + "." + value.asText());
                case DATE -> DAY.format(LocalDate.parse(value.asText()));
                default -> value.asText();
            };
            lines.add(new Line("field." + field.name(), text));
        }
        return lines;
    }

}
