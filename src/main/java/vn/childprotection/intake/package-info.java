/**
 * Reports from every channel, anonymous reporters protected, reports about one child taken one at a time.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"security", "web", "persistence", "directory", "cases", "audit", "process", "common"})
package vn.childprotection.intake;

import org.springframework.modulith.ApplicationModule;
