package vn.childprotection.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

import jakarta.servlet.MultipartConfigElement;

/**
 * File uploads (case attachments): a file up to {@code child-protection.attachments.max-size}, in a request at most
 * {@link #FORM_ALLOWANCE} larger (the other fields and the part headers). {@link RequestSizeLimit} refuses a multipart
 * body over that, or without a declared length, before it is read. Parts are read when the controller asks
 * for them, so that a refused upload is answered by the controller's own error handling (a page or a problem).
 */
@Configuration(proxyBeanMethods = false)
public class Uploads {

    /** What a multipart request may carry beyond its file: the other fields and the part headers. */
    static final long FORM_ALLOWANCE = DataSize.ofKilobytes(64).toBytes();

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${child-protection.attachments.max-size}") DataSize maxSize) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        // the file's own limit is checked where it is taken, with a clear answer; the request's is RequestSizeLimit's
        // (a declared length, refused before it is read), and this one stays behind it
        factory.setMaxFileSize(DataSize.ofBytes(-1));
        factory.setMaxRequestSize(DataSize.ofBytes(maxSize.toBytes() + FORM_ALLOWANCE));
        // small files stay in memory; larger ones are written to a temporary file while the request lasts
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }

    @Bean
    MultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    /**
     * A client that asks before sending its body (Expect: 100-continue) is told to go on only when the body is read:
     * an upload refused for its declared length is never sent over a slow connection.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenRead() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    /** A number of bytes in whole megabytes, as the messages show a limit (at least 1). */
    public static long megabytes(long bytes) {
        return Math.max(1, DataSize.ofBytes(bytes).toMegabytes());
    }
}
