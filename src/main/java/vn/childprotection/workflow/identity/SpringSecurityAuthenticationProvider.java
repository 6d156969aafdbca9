package vn.childprotection.workflow.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Single sign-on for the Camunda webapps: whoever Spring Security signed in is signed in there too,
 * with the groups the directory gives them. Instantiated by Camunda's filter, hence public.
 */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return AuthenticationResult.unsuccessful();
        }
        String username = authentication.getName();
        AuthenticationResult result = new AuthenticationResult(username, true);
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).toList();
        result.setGroups(groups);
        return result;
    }
}
