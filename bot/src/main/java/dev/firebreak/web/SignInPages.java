package dev.firebreak.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /login} (local password and/or single sign-on), {@code /} and the refusal page. */
@Controller
class SignInPages {

    private final WebSettings settings;

    SignInPages(WebSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/incidents";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("local", LocalAccounts.enabled(settings));
        model.addAttribute("oidc", settings.oidc().enabled());
        model.addAttribute("oidcName", settings.oidc().displayName());
        return "login";
    }

    /** Where Spring Security forwards refused requests (a role too low, a missing or stale CSRF token). */
    @RequestMapping("/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        Object cause = request.getAttribute("SPRING_SECURITY_403_EXCEPTION");
        boolean csrf = cause != null && cause.getClass().getSimpleName().contains("Csrf");
        model.addAttribute("status", 403);
        model.addAttribute(
                "message",
                csrf
                        ? "This form has expired or did not come from this console. Reload the page and try again."
                        : "Your role does not allow this. Ask an admin if you need it.");
        return "error-page";
    }
}
