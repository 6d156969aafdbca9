package vn.childprotection.cases;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;

/** The case file page: what GET /api/cases/{id} and its timeline show, for the same users. */
@PageController
class CasePages {

    private final CaseFileService cases;
    private final TimelineView timelineView;
    private final Clock clock;

    CasePages(CaseFileService cases, TimelineView timelineView, Clock clock) {
        this.cases = cases;
        this.timelineView = timelineView;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}")
    String caseFile(@PathVariable UUID caseId, @AuthenticationPrincipal StaffPrincipal user, Model model) {
        model.addAttribute("c", cases.view(caseId, user));
        model.addAttribute("timeline", timelineView.of(cases.timeline(caseId, user)));
        model.addAttribute("now", clock.instant());
        return "cases/case";
    }
}
