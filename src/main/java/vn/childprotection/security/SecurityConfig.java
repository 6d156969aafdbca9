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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Two filter chains over one user directory: {@code /api/**} answers in problem details (HTTP Basic
 * or the browser session), everything else is pages with form login. Closed unless opened here.
 */
@Configuration
public class SecurityConfig {

    /** Basic-auth callers (integrations) carry no session, so they need no CSRF token. */
    private static final RequestMatcher CARRIES_CREDENTIALS =
            request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;

    /** CSRF guards a browser session; a call with credentials or with no session at all has none to abuse. */
    private static final RequestMatcher NO_BROWSER_SESSION =
            request -> CARRIES_CREDENTIALS.matches(request) || request.getRequestedSessionId() == null;

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default, and able to verify older encodings if the default ever changes
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/reports").hasAnyRole("INTAKE", "WORKER", "POLICE")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/police-outcome").hasRole("POLICE")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/transfer").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/access-log").hasRole("SUPERVISOR")
                        .requestMatchers("/api/audit/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> {
                    res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"child-protection\"");
                    problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in with your staff account.");
                }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> {
                            res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"child-protection\"");
                            problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in with your staff account.");
                        })
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, json, HttpStatus.FORBIDDEN, "Your role may not do this.")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(NO_BROWSER_SESSION));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/error").permitAll()
                        .requestMatchers("/camunda/**", "/engine-rest/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.permitAll())
                .httpBasic(basic -> { })
                .logout(logout -> logout.permitAll())
                // the Camunda webapps frame their own pages (same origin only)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                // the Camunda webapps run their own CSRF protection; Basic callers carry no session
                .csrf(csrf -> csrf.ignoringRequestMatchers(CARRIES_CREDENTIALS,
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")));
        return http.build();
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
