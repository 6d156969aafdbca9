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
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.StaffUser;
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

    private final CaseForms forms;
    private final WorkTaskService tasks;
    private final Directory directory;
    private final Messages messages;

    DecisionContext(CaseForms forms, WorkTaskService tasks, Directory directory, Messages messages) {
        this.forms = forms;
        this.tasks = tasks;
        this.directory = directory;
        this.messages = messages;
    }

    /** The latest form the task decides on, if it decides on one. */
    Optional<Shown> decidedOn(OpenTask task) {
        TaskType type = DECIDES_ON.get(task.type());
        if (type == null) {
            return Optional.empty();
        }
        return latest(task, type).map(form -> new Shown("task.type." + type, lines(type, form.content()),
                nameOf(form.submittedBy()), form.submittedAt()));
    }

    /** For a plan to draft again: the chair's refusal of the plan before it, if that is why it is drafted again. */
    Optional<Refusal> refusal(OpenTask task) {
        if (task.type() != TaskType.PLAN_DRAFT) {
            return Optional.empty();
        }
        Optional<CaseForms.SubmittedForm> draft = latest(task, TaskType.PLAN_DRAFT);
        return latest(task, TaskType.PLAN_APPROVAL)
                .filter(approval -> !approval.content().path("approved").asBoolean(true))
                .filter(approval -> draft.isEmpty() || approval.submittedAt().isAfter(draft.get().submittedAt()))
                .map(approval -> new Refusal(approval.content().path("reason").asText(""),
                        nameOf(approval.submittedBy()), approval.submittedAt()));
    }

    /** The plan as it was before the chair sent it back: the form the worker starts from. */
    Map<String, String> previousPlan(OpenTask task) {
        Map<String, String> values = new LinkedHashMap<>();
        latest(task, TaskType.PLAN_DRAFT).ifPresent(form -> form.content().fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), field.getValue().asText());
            }
        }));
        return values;
    }

    private Optional<CaseForms.SubmittedForm> latest(OpenTask task, TaskType type) {
        return forms.of(task.caseId()).stream()
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

    /** People by name, not login: the directory's display name, or the login name if the person is gone. */
    String nameOf(String username) {
        return directory.user(username).map(StaffUser::displayName).orElse(username);
    }
}
