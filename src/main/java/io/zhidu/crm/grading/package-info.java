/**
 * Customer grading (客户分级, seed 6.1.1-3, SPEC R3): the grading policy section, the engine scoring
 * the four indicators into a grade with an explanation, strategic influence rated by the
 * business-dept manager or above, the year-end run (proposals, review, the VP's approval), ad-hoc
 * grade changes through the same approval, the grade card on the customer page and the grade
 * history. Grades take effect only on approval, through {@code CustomerManagement.applyGrade}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "contract", "receivable", "policy",
        "approval", "notification", "organization", "shared"})
package io.zhidu.crm.grading;
