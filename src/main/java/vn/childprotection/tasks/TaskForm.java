package vn.childprotection.tasks;

import java.util.Map;

/**
 * How one task type completes: the feature that owns the form's content implements it, stores what
 * the form says and returns the routing facts the process needs.
 *
 * @param <F> the form's fields, a record validated with Bean Validation before {@link #complete} is called
 */
public interface TaskForm<F> {

    TaskType type();

    Class<F> formClass();

    /** Stores the completed form; returns process variables (routing facts only). */
    Map<String, Object> complete(OpenTask task, F form, String username);
}
