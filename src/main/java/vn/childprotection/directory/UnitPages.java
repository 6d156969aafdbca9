package vn.childprotection.directory;

import java.io.IOException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpSession;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.TooLargeException;
import vn.childprotection.web.PageController;

/**
 * "Đơn vị hành chính": the official list uploaded, what it would change shown, then applied with one button. The
 * previewed file waits in the administrator's session, so that what is applied is what was shown (checked again
 * against the database when applied).
 */
@PageController
class UnitPages {

    private static final String PREVIEWED = UnitPages.class.getName() + ".file";

    private final UnitImport units;
    private final Messages messages;
    private final JdbcClient jdbc;

    UnitPages(UnitImport units, Messages messages, JdbcClient jdbc) {
        this.units = units;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/units")
    String page(Model model) {
        return page(model, null, null);
    }

    @PostMapping("/admin/units/preview")
    String preview(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        try {
            UnitImport.Plan plan = UnitController.read(file, false, units, messages);
            if (plan.faults().isEmpty()) {
                session.setAttribute(PREVIEWED, file.getBytes());
            } else {
                session.removeAttribute(PREVIEWED);
            }
            return page(model, plan, null);
        } catch (InvalidInputException e) {
            return page(model, null, e.errors().get(0).message());
        } catch (TooLargeException e) {
            return page(model, null, messages.text("problem.tooLarge", e.maxBytes() / (1024 * 1024)));
        }
    }

    @PostMapping("/admin/units/apply")
    String apply(HttpSession session, Model model, RedirectAttributes flash) {
        byte[] content = (byte[]) session.getAttribute(PREVIEWED);
        if (content == null) {
            return page(model, null, messages.text("units.previewFirst"));
        }
        UnitImport.Plan plan = units.apply(content);
        if (!plan.faults().isEmpty()) {
            // the database changed since the preview: what would go wrong now
            return page(model, plan, null);
        }
        session.removeAttribute(PREVIEWED);
        flash.addFlashAttribute("ok", "units.applied");
        return "redirect:/admin/units";
    }

    private String page(Model model, UnitImport.Plan plan, String problem) {
        model.addAttribute("plan", plan);
        model.addAttribute("problem", problem);
        model.addAttribute("provinces", jdbc.sql("select count(*) from province").query(Long.class).single());
        model.addAttribute("communes", jdbc.sql("select count(*) from commune where retired_at is null")
                .query(Long.class).single());
        model.addAttribute("retired", jdbc.sql("select count(*) from commune where retired_at is not null")
                .query(Long.class).single());
        model.addAttribute("columns", String.join(",", UnitCsv.COLUMNS));
        return "directory/units";
    }
}
