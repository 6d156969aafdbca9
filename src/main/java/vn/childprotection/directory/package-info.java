/**
 * Administrative units, staff and their roles, holidays and the working-day calendar (kept by administrators).
 */
@ApplicationModule(displayName = "Directory", allowedDependencies = {"web", "common", "audit"})
package vn.childprotection.directory;

import org.springframework.modulith.ApplicationModule;
