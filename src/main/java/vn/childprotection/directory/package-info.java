/**
 * Administrative units, staff and their roles, holidays and the working-day calendar.
 */
@ApplicationModule(displayName = "Directory", allowedDependencies = {"web", "common"})
package vn.childprotection.directory;

import org.springframework.modulith.ApplicationModule;
