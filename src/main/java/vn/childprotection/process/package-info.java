/**
 * What features need from the case process, free of the engine: start a case, complete a step with its typed
 * outcome ({@link vn.childprotection.process.StepOutcome}), the step catalogue ({@link vn.childprotection.process.TaskType}),
 * open steps, task events, deadline states, and the callbacks the process makes. {@code workflow} implements it.
 */
@ApplicationModule(displayName = "Process port", allowedDependencies = {})
package vn.childprotection.process;

import org.springframework.modulith.ApplicationModule;
