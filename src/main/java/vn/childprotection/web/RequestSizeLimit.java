package vn.childprotection.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.childprotection.common.Messages;

/**
 * No API body larger than {@code child-protection.api.max-body-size} is read into memory: a declared
 * length over it is refused at once (413), and a body streamed without a length (chunked) stops being
 * read at the limit and is refused with the same 413. Runs before sign-in, so strangers cannot
 * make the server buffer huge bodies either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;
    private final Messages messages;
    private final LocaleResolver locales;

    public RequestSizeLimit(@Value("${child-protection.api.max-body-size}") DataSize maxBodySize, ObjectMapper json,
                            Messages messages, LocaleResolver locales) {
        this.maxBytes = maxBodySize.toBytes();
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    /** Page forms are limited by Tomcat itself (server.tomcat.max-http-form-post-size), which can drop them unread. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = maxBytes;
        if (request.getContentLengthLong() > limit) {
            Locale locale = locales.resolveLocale(request);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    messages.textIn(locale, "problem.tooLarge", Math.max(1, DataSize.ofBytes(limit).toMegabytes())));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            // the rest of the body is not waited for: the connection ends with the answer
            response.setHeader("Connection", "close");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Set on a request whose body went past the limit while it was read: the limit in bytes. */
    public static final String TOO_LARGE = RequestSizeLimit.class.getName() + ".tooLarge";

    /** Reading a body went past the limit: the answer is 413, however the body was sent. */
    static final class BodyTooLargeException extends IOException {

        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    /** A request whose body ends in an error past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, this);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private final HttpServletRequest request;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes, HttpServletRequest request) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                // the reader may wrap or swallow the exception; the request remembers why reading stopped
                request.setAttribute(TOO_LARGE, maxBytes);
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
