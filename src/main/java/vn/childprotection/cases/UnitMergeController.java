package vn.childprotection.cases;

import java.security.Principal;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;


/** {@code POST /api/admin/units/merge} for administrators (the security chain says who). */
@RestController
class UnitMergeController {

    private final UnitMerges merges;

    UnitMergeController(UnitMerges merges) {
        this.merges = merges;
    }

    /** 200 with what moved; 400 field by field (nothing merged). */
    @PostMapping("/api/admin/units/merge")
    UnitMerges.Report merge(@RequestBody UnitMerges.Merge merge, Principal principal) {
        return merges.merge(merge, principal.getName());
    }
}
