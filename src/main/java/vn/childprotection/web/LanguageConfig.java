package vn.childprotection.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese unless the user chose English: pages switch with {@code ?lang=en} (kept in a cookie),
 * API callers ask with {@code Accept-Language}. A browser's own language does not turn pages English:
 * commune staff's machines are often set up in English.
 */
@Configuration
class LanguageConfig implements WebMvcConfigurer {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        api.setSupportedLocales(SUPPORTED);
        api.setDefaultLocale(VIETNAMESE);
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request ->
                request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        ? api.resolveLocale(request) : VIETNAMESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
