package vn.childprotection.cases;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.web.PageController;

/** A merge of communes from the units page ({@code /admin/units}): the old codes separated by commas or spaces. */
@PageController
class UnitMergePage {

    private final UnitMerges merges;

    UnitMergePage(UnitMerges merges) {
        this.merges = merges;
    }

    @PostMapping("/admin/units/merge")
    String merge(@RequestParam(required = false) String from, @RequestParam(required = false) String into,
                 @RequestParam(required = false) String intoName, @RequestParam(required = false) String intoType,
                 Principal principal, RedirectAttributes flash) {
        List<String> codes = from == null ? List.of()
                : Arrays.stream(from.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            UnitMerges.Report report = merges.merge(new UnitMerges.Merge(codes, into, intoName, null, intoType),
                    principal.getName());
            flash.addFlashAttribute("ok", "merge.done");
            flash.addFlashAttribute("okArg", String.join(", ", report.retired()) + " → " + report.into() + " ("
                    + report.openCases() + "/" + report.openTasks() + "/" + report.people() + ")");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("mergeProblem", e.errors().get(0).message());
        }
        return "redirect:/admin/units";
    }
}
