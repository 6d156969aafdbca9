package vn.childprotection.oversight;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.childprotection.web.PageController;

/** "Thời hạn": the deadlines in force as a table, for anyone who signs in (the law is public). */
@PageController
class DeadlinesPage {

    private final DeadlinesInForce deadlines;

    DeadlinesPage(DeadlinesInForce deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping("/deadlines")
    String page(Model model) {
        model.addAttribute("lines", deadlines.lines());
        return "oversight/deadlines";
    }
}
