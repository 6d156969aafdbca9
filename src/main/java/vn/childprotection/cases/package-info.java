/**
 * The case file: opening it, the jurisdiction gate, what it records, its timeline, transfer, possible duplicates
 * and earlier cases of the same child.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {"process", "security", "web", "audit", "directory", "common"})
package vn.childprotection.cases;

import org.springframework.modulith.ApplicationModule;
