package vn.childprotection.process;

/**
 * How one step completes: the feature that owns the form's content extends it, stores what the form says and
 * returns what it decided for the process.
 *
 * @param <F> the form's fields, a record validated with Bean Validation before {@link #complete} is called
 */
public abstract class TaskForm<F> {

    private final TaskType type;
    private final Class<F> formClass;

    protected TaskForm(TaskType type, Class<F> formClass) {
        this.type = type;
        this.formClass = formClass;
    }

    public final TaskType type() {
        return type;
    }

    /** The record the form is read into: its fields, types and limits, which the pages show. */
    public final Class<F> formClass() {
        return formClass;
    }

    /** Stores the completed form; returns what it decided for the process. */
    public abstract StepOutcome complete(OpenTask task, F form, String username);
}
