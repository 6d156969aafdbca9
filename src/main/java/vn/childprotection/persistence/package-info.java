/**
 * JDBC settings and lock rows.
 */
@ApplicationModule(displayName = "Persistence", allowedDependencies = {})
package vn.childprotection.persistence;

import org.springframework.modulith.ApplicationModule;
