/**
 * What every feature uses: the service exceptions, the application's clock in the business time zone, texts
 * in the request's language.
 */
@ApplicationModule(displayName = "Common", allowedDependencies = {})
package vn.childprotection.common;

import org.springframework.modulith.ApplicationModule;
