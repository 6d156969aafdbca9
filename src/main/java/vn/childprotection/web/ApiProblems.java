package vn.childprotection.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

import vn.childprotection.common.ConflictException;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.common.TooLargeException;

/** Every API error as an RFC 9457 problem detail; bad input is 400 with {@code errors}, never 500. */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private final Messages messages;
    /** The largest file taken, as the multipart limit names it. */
    private final long maxUploadBytes;

    ApiProblems(Messages messages, MessageSource source,
                @Value("${child-protection.attachments.max-size}") DataSize maxAttachmentSize) {
        this.messages = messages;
        this.maxUploadBytes = maxAttachmentSize.toBytes();
        setMessageSource(source);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return validation(e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.text("problem.notFound"));
        problem.setTitle(messages.text("problem.notFound.title"));
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(messages.text("problem.conflict.title"));
        return problem;
    }

    /** A file over the attachment limit, found once it was read. */
    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLargeException e) {
        return tooLarge(e.maxBytes());
    }

    /** The multipart limits of {@link Uploads}: a file or a request over them, as the parts were read. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(tooLarge(maxUploadBytes).getBody());
    }

    /** A multipart body that cannot be read (cut short, malformed). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException e) {
        return validation(List.of(new FieldMessage("file", messages.text("attachment.unreadable"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(validation(List.of(new FieldMessage(ex.getRequestPartName(), messages.text("validation.required")))));
    }

    private ResponseEntity<ProblemDetail> tooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.text("problem.tooLarge", Uploads.megabytes(maxBytes)));
        problem.setTitle(messages.text("problem.tooLarge.title"));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldMessage(f.getField(), f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldMessage(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request.getAttribute(RequestSizeLimit.TOO_LARGE, WebRequest.SCOPE_REQUEST) instanceof Long maxBytes) {
            // a chunked body past the limit: the same answer as a declared length over it
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    messages.text("problem.tooLarge", Uploads.megabytes(maxBytes)));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONNECTION, "close").body(problem);
        }
        return ResponseEntity.badRequest().body(unreadable(ex.getCause()));
    }

    /** A body that is not JSON, or JSON whose values do not fit their fields (wrong type, unknown enum value). */
    public ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return validation(List.of(new FieldMessage(path(mapping), messages.text("problem.field.unreadable"))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.text("problem.unreadable"));
        problem.setTitle(messages.text("problem.badRequest"));
        return problem;
    }

    public ProblemDetail validation(List<FieldMessage> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.text("problem.validation"));
        problem.setTitle(messages.text("problem.badRequest"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The dotted path of the field a JSON value did not fit, e.g. {@code child.sex} or {@code harmTypes[1]}. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

}
