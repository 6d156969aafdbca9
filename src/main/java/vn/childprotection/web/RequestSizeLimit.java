package vn.childprotection.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

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
import org.springframework.web.util.HtmlUtils;

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
 * read at the limit and is refused with the same 413. An upload to a case (API or page) has the attachment
 * limit instead, plus {@link Uploads#FORM_ALLOWANCE}; a chunked one is stopped by the multipart limits of
 * {@link Uploads}. Runs before sign-in, so strangers cannot make the server buffer huge bodies either.
 */
@Component
// after ApiVersions, so that /api/v1/ paths are judged as the /api/ paths they are
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

    /** POST /api/cases/{id}/attachments and its page, /cases/{id}/attachments. */
    /** Paths that take a file: attachments to a case, and the official list of units (a national list is ~250 KB). */
    private static final Pattern UPLOAD = Pattern.compile("(/api)?/cases/[^/]+/attachments|/api/admin/units/import|/admin/units/preview");

    private final long maxBytes;
    private final long maxUploadBytes;
    private final long maxFormBytes;
    private final ObjectMapper json;
    private final Messages messages;
    private final LocaleResolver locales;

    public RequestSizeLimit(@Value("${child-protection.api.max-body-size}") DataSize maxBodySize,
                            @Value("${child-protection.attachments.max-size}") DataSize maxAttachmentSize,
                            @Value("${server.tomcat.max-http-form-post-size}") DataSize maxFormSize,
                            ObjectMapper json, Messages messages, LocaleResolver locales) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxUploadBytes = maxAttachmentSize.toBytes() + Uploads.FORM_ALLOWANCE;
        this.maxFormBytes = maxFormSize.toBytes();
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * Page forms (URL-encoded) are limited by Tomcat itself (server.tomcat.max-http-form-post-size), which can drop
     * them unread; multipart bodies are not, so they are limited here on every path.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isApi(request) && !isUpload(request) && !isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isUpload(request) ? maxUploadBytes : isApi(request) ? maxBytes : maxFormBytes;
        long length = request.getContentLengthLong();
        if (isMultipart(request) && length < 0 && !isUpload(request)) {
            // the container reads multipart bodies itself, past any wrapper: elsewhere than an upload (whose multipart
            // limit is the container's, see Uploads) only a declared length bounds them
            refuse(request, response, HttpStatus.LENGTH_REQUIRED, "problem.lengthRequired", limit);
            return;
        }
        if (length > limit) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "problem.tooLarge", limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
                        long limit) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.textIn(locale, message, Uploads.megabytes(limit));
        response.setStatus(status.value());
        // the rest of the body is not waited for: the connection ends with the answer
        response.setHeader("Connection", "close");
        response.setCharacterEncoding("UTF-8");
        if (isApi(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
                problem.setTitle(messages.textIn(locale, "problem.tooLarge.title"));
            }
            json.writeValue(response.getOutputStream(), problem);
        } else {
            // a page upload without the page's own size check (no script): a short page that says why
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><meta charset=\"utf-8\">"
                    + "<title>" + status.value() + "</title><p>" + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\""
                    + HtmlUtils.htmlEscape(request.getContextPath() + "/") + "\">"
                    + HtmlUtils.htmlEscape(messages.textIn(locale, "problem.back")) + "</a></p></html>");
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
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
