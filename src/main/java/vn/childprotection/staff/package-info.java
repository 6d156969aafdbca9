/**
 * Staff administration: administrators (and supervisors, for their province's commune staff) create people, give
 * and change their roles, disable accounts, give one-time passwords and unlock sign-in; every action audited.
 */
@ApplicationModule(displayName = "Staff administration",
        allowedDependencies = {"directory", "security", "process", "audit", "web", "common"})
package vn.childprotection.staff;

import org.springframework.modulith.ApplicationModule;
