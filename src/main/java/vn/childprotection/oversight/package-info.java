/**
 * The supervisor's dashboard, the overdue work of a province, and the periodic report with its exports.
 */
@ApplicationModule(displayName = "Oversight", allowedDependencies = {"security", "process", "cases", "tasks", "directory", "common", "web", "audit"})
package vn.childprotection.oversight;

import org.springframework.modulith.ApplicationModule;
