package vn.childprotection.directory;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.TooLargeException;

/**
 * {@code POST /api/admin/units/import}: the official list of units as CSV (multipart, field {@code file}); a preview
 * of what it adds, renames and retires, or with {@code ?apply=true} all of it at once. A file with any wrong line is
 * 400 with the lines and their faults, and nothing is applied.
 */
@RestController
class UnitController {

    /** A national list is about 250 KB; this leaves room for long names and still reads in a moment. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final UnitImport units;
    private final Messages messages;

    UnitController(UnitImport units, Messages messages) {
        this.units = units;
        this.messages = messages;
    }

    @PostMapping(path = "/api/admin/units/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importUnits(@RequestParam(required = false) MultipartFile file,
                                  @RequestParam(defaultValue = "false") boolean apply) throws IOException {
        UnitImport.Plan plan = read(file, apply, units, messages);
        if (!plan.faults().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    messages.text("units.notApplied", plan.faultCount()));
            problem.setTitle(messages.text("problem.validation"));
            problem.setProperty("lines", plan.faults());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(plan);
    }

    /** The file's plan (applied when asked); a missing, empty or too large file is refused as input. */
    static UnitImport.Plan read(MultipartFile file, boolean apply, UnitImport units, Messages messages)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(List.of(new vn.childprotection.common.FieldMessage("file",
                    messages.text("units.noFile"))));
        }
        if (file.getSize() > MAX_BYTES) {
            throw new TooLargeException(MAX_BYTES);
        }
        byte[] content = file.getBytes();
        return apply ? units.apply(content) : units.preview(content);
    }
}
