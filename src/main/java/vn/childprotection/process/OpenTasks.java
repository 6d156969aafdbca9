package vn.childprotection.process;

import java.util.List;
import java.util.UUID;

/** The open steps of a case, as the task inbox holds them; implemented by the tasks feature. */
public interface OpenTasks {

    List<OpenTask> forCase(UUID caseId);
}
