package vn.childprotection.steps;

import vn.childprotection.cases.CaseForms;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskForm;
import vn.childprotection.process.TaskType;

/**
 * A step whose form the case file keeps as it was submitted. Each step's class says, in one place, its
 * form's fields and limits, its rules across fields (thrown as
 * {@link vn.childprotection.common.InvalidInputException}) and what it decides for the process.
 */
abstract class StoredStep<F> extends TaskForm<F> {

    private final CaseForms forms;

    StoredStep(TaskType type, Class<F> formClass, CaseForms forms) {
        super(type, formClass);
        this.forms = forms;
    }

    @Override
    public final StepOutcome complete(OpenTask task, F form, String username) {
        StepOutcome outcome = decide(task, form);
        forms.store(task, form, username);
        return outcome;
    }

    /** Checks the form's rules across fields and says what it decides; nothing is stored when it throws. */
    abstract StepOutcome decide(OpenTask task, F form);
}
