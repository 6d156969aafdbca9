/**
 * What pages and the API share: problem details, container errors, text input, page errors, paging, the body
 * size limit, languages, dates and form fields.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"common"})
package vn.childprotection.web;

import org.springframework.modulith.ApplicationModule;
