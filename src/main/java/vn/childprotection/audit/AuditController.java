package vn.childprotection.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: is the audit trail intact? */
@RestController
class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit/verify")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }
}
