package vn.childprotection.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.NotFoundException;

/** Errors of the pages as pages: a case outside one's jurisdiction is the same "not found" as a missing one. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            InvalidInputException.class})
    ModelAndView badRequest() {
        return page(HttpStatus.BAD_REQUEST);
    }

    /** The one error page (templates/error.html), as Spring Boot shows it for errors outside controllers. */
    private static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        return page;
    }
}
