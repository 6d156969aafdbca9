package vn.childprotection.security;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;

/**
 * Two filter chains over one user directory: {@code /api/**} answers in problem details (HTTP Basic
 * or the browser session), everything else is pages with form login. Closed unless opened here.
 */
@Configuration
class SecurityConfig {

    /**
     * Callers that sign in with HTTP Basic on every request (integrations) need no CSRF token; any other
     * Authorization header (a made-up "Bearer x") authenticates nothing and so excuses nothing.
     */
    private static final RequestMatcher CARRIES_CREDENTIALS = request -> {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    };

    /**
     * CSRF guards a browser session; a call with credentials or with no session at all has none to abuse. On the
     * API a bearer key too: a page cannot make a browser send one, and a key that is not one is refused (401) before
     * anything runs (ClientKeyFilter), so a client system whose HTTP client kept a session cookie is not refused.
     */
    private static final RequestMatcher NO_BROWSER_SESSION = request -> CARRIES_CREDENTIALS.matches(request)
            || request.getRequestedSessionId() == null || ClientKeyFilter.carriesKey(request);

    /** What our own pages may load: only from this server, no inline script, no framing by others. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default, and able to verify older encodings if the default ever changes; passwords compared
        // in one Unicode form
        return new Passwords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * No tracing spans around each of Spring Security's filters: a profile of the benchmark put about 6 % of
     * the web threads' CPU in them (docs/performance.md). Request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, Messages messages, LocaleResolver locales,
                            SecondFactor secondFactor, Directory directory, ClientSystems clients) throws Exception {
        AuthenticationEntryPoint signIn = (req, res, e) -> {
            res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"child-protection\"");
            // one answer for a wrong, unknown or slowed-down sign-in: nothing to learn about accounts
            problem(res, json, HttpStatus.UNAUTHORIZED, text(messages, locales, req, "security.signIn"));
        };
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // client systems (ClientKeyFilter) by their scopes, and nowhere else
                        .requestMatchers(HttpMethod.POST, "/api/reports")
                        .hasAnyAuthority("ROLE_INTAKE", "ROLE_WORKER", "ROLE_POLICE", "SCOPE_reports:write")
                        .requestMatchers(HttpMethod.GET, "/api/reports/*/status").hasAuthority("SCOPE_reports:read")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/police-outcome").hasRole("POLICE")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/police-referrals")
                        .hasAnyRole("WORKER", "CHAIR", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/transfer").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/duplicate").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/access-log").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/print/case-file").hasRole("SUPERVISOR")
                        .requestMatchers("/api/cases/*/notes").hasAnyRole("WORKER", "CHAIR", "SUPERVISOR")
                        .requestMatchers("/api/cases/*/attachments", "/api/cases/*/attachments/*")
                        .hasAnyRole("WORKER", "CHAIR", "SUPERVISOR")
                        .requestMatchers("/api/cases/*/plan-items", "/api/cases/*/plan-items/*/status")
                        .hasAnyRole("WORKER", "CHAIR", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/directory/providers").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/api/audit/**").hasRole("ADMIN")
                        // supervisors manage their own province's staff; everything else of administration is the
                        // administrators'
                        .requestMatchers("/api/admin/staff", "/api/admin/staff/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/oversight/**").hasRole("SUPERVISOR")
                        .requestMatchers("/api/statistics/**").hasAnyRole("WORKER", "CHAIR", "SUPERVISOR", "ADMIN")
                        // everything else: people of staff signed in; a client system is not one
                        .anyRequest().access((caller, context) -> new AuthorizationDecision(
                                caller.get() != null && caller.get().getPrincipal() instanceof StaffPrincipal)))
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
                .addFilterBefore(new ClientKeyFilter(clients, (req, res, status, key) ->
                        problem(res, json, status, text(messages, locales, req, key))), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, json, HttpStatus.FORBIDDEN, text(messages, locales, req, "security.forbidden"))))
                // JSON is never a page: nothing may run, frame or sniff it
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(NO_BROWSER_SESSION))
                // the person as the directory holds them now, then their second factor (filters added before the
                // same one keep the order they were added in)
                .addFilterBefore(new AccountCheckFilter(directory, messages, locales), AuthorizationFilter.class)
                .addFilterBefore(new SecondFactorFilter(secondFactor), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecondFactor secondFactor, Directory directory, Messages messages,
                              LocaleResolver locales, OperatorEndpoints operators) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/info", "/actuator/prometheus").access(operators)
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        // the API's contract is public, as docs/openapi.json is: it holds no data
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/camunda/**", "/engine-rest/**").hasRole("ADMIN")
                        .requestMatchers("/reports/**").hasAnyRole("INTAKE", "WORKER", "POLICE")
                        .requestMatchers("/oversight/**").hasRole("SUPERVISOR")
                        .requestMatchers("/statistics", "/statistics/**").hasAnyRole("WORKER", "CHAIR", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/admin/staff", "/admin/staff/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/cases/*/notes").hasAnyRole("WORKER", "CHAIR", "SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/cases/*/print/case-file").hasRole("SUPERVISOR")
                        .requestMatchers("/cases/*/attachments", "/cases/*/attachments/*")
                        .hasAnyRole("WORKER", "CHAIR", "SUPERVISOR")
                        .requestMatchers("/cases/*/plan-items", "/cases/*/plan-items/*/status")
                        .hasAnyRole("WORKER", "CHAIR", "SUPERVISOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", true)
                        .permitAll())
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // a new session id at sign-in (no fixation); idle sessions end (server.servlet.session.timeout)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        // the Camunda webapps frame their own pages (same origin only)
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // our pages load nothing from elsewhere and run no inline script; the Camunda
                        // webapps send a policy of their own
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/"),
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY))))
                // the Camunda webapps run their own CSRF protection; Basic callers carry no session
                .csrf(csrf -> csrf.ignoringRequestMatchers(CARRIES_CREDENTIALS,
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")))
                .addFilterBefore(new AccountCheckFilter(directory, messages, locales), AuthorizationFilter.class)
                .addFilterBefore(new SecondFactorFilter(secondFactor), AuthorizationFilter.class);
        return http.build();
    }

    /** Security filters run before Spring MVC has set the request's locale: resolve it the same way. */
    private static String text(Messages messages, LocaleResolver locales, HttpServletRequest request, String key) {
        return messages.textIn(locales.resolveLocale(request), key);
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
