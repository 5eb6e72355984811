package io.zhidu.crm.credit;

import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The credit tab's credit-file section (fragment {@code customer-credit-files :: section}): the
 * latest field investigations and information slips, and what the latest investigation's grade
 * adds to the credit standard's score (the field factor of 6.2.4-3(3)).
 */
@Component
class CreditFileSection {

    static final int SHOWN = 5;

    /**
     * @param fieldGrade  the latest investigation's grade, null when none was made
     * @param fieldPoints what that grade scores under the standard in force (0 without one)
     */
    record Model(List<FieldInvestigations.Row> investigations, List<InformationSlips.Row> slips, Integer fieldGrade,
                 int fieldPoints, int fieldPerGrade, boolean canRecord) {
    }

    private final FieldInvestigations investigations;
    private final InformationSlips slips;
    private final CustomerCredits credits;

    CreditFileSection(FieldInvestigations investigations, InformationSlips slips, CustomerCredits credits) {
        this.investigations = investigations;
        this.slips = slips;
        this.credits = credits;
    }

    Model model(DataScope scope, long customerId) {
        List<FieldInvestigations.Row> latest = investigations.ofCustomer(scope, customerId, SHOWN);
        Integer grade = latest.isEmpty() ? null : latest.get(0).grade();
        CreditStandard standard = credits.standard();
        return new Model(latest, slips.ofCustomer(scope, customerId, SHOWN), grade, standard.score(0, 0, null, grade).field(),
                standard.scoring().fieldPerGrade(), Grants.can(CreditFileAttachments.INVESTIGATE));
    }
}
