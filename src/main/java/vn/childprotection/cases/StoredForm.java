package vn.childprotection.cases;

import java.util.Map;
import java.util.function.BiFunction;

import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskForm;
import vn.childprotection.tasks.TaskType;

/**
 * A task form whose content is kept as it was submitted, and whose routing facts for the process
 * are derived from it. Rules across fields throw {@link vn.childprotection.web.InvalidInputException}.
 */
final class StoredForm<F> implements TaskForm<F> {

    private final TaskType type;
    private final Class<F> formClass;
    private final CaseForms forms;
    private final BiFunction<OpenTask, F, Map<String, Object>> routing;

    StoredForm(TaskType type, Class<F> formClass, CaseForms forms, BiFunction<OpenTask, F, Map<String, Object>> routing) {
        this.type = type;
        this.formClass = formClass;
        this.forms = forms;
        this.routing = routing;
    }

    @Override
    public TaskType type() {
        return type;
    }

    @Override
    public Class<F> formClass() {
        return formClass;
    }

    @Override
    public Map<String, Object> complete(OpenTask task, F form, String username) {
        Map<String, Object> variables = routing.apply(task, form);
        forms.store(task, form, username);
        return variables;
    }
}
