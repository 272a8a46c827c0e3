package dev.firebreak.web;

import dev.firebreak.system.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page gets (the signed-in person, the formatter) and how errors look there (a page, not JSON). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleModel {

    private static final Format FORMAT = new Format();

    @ModelAttribute
    void common(Model model, Authentication authentication) {
        model.addAttribute("fmt", FORMAT);
        if (authentication != null
                && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal())) {
            model.addAttribute("me", ConsoleUser.of(authentication));
        }
    }

    @ExceptionHandler(BadRequestException.class)
    String badRequest(BadRequestException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("fmt", FORMAT);
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }
}
