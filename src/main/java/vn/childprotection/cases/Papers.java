package vn.childprotection.cases;

import org.springframework.stereotype.Component;

/**
 * The paper a step's form prints on, for the print links of the case page and the task page
 * ({@code @papers.of('PLAN_DRAFT')} is {@code mau-04}, the last part of {@code /cases/{id}/print/mau-04}).
 */
@Component("papers")
public class Papers {

    /** The paper's key, or null for a step whose form is not printed on its own. */
    public String of(String stepType) {
        return stepType == null ? null : CasePrints.Paper.keyOfStep(stepType);
    }
}
