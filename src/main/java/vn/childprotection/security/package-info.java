/**
 * Filter chains, sign-in throttling, the second factor, the password policy and each person's own password.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"web", "common", "persistence", "directory", "audit"})
package vn.childprotection.security;

import org.springframework.modulith.ApplicationModule;
