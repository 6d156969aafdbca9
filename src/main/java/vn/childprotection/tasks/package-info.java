/**
 * The task inbox read model, claim and complete, the task pages.
 */
@ApplicationModule(displayName = "Tasks", allowedDependencies = {"process", "cases", "security", "directory", "common", "web", "audit"})
package vn.childprotection.tasks;

import org.springframework.modulith.ApplicationModule;
