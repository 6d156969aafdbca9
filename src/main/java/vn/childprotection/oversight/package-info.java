/**
 * The supervisor's dashboard and the overdue work of a province.
 */
@ApplicationModule(displayName = "Oversight", allowedDependencies = {"security", "process", "cases", "tasks", "directory", "common", "web"})
package vn.childprotection.oversight;

import org.springframework.modulith.ApplicationModule;
