package io.zhidu.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.shared.web.RequiresPermission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The house rules of DESIGN.md that the compiler does not check. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zhidu.crm");

    @Test
    void controllersArePackagePrivate() {
        // meta-annotated: @RestController and @ScreenController carry @Controller
        classes().that().areMetaAnnotatedWith(Controller.class).and().areNotAnnotations()
                .should().notBePublic().check(MAIN);
    }

    @Test
    void everyHandlerStatesWhoMayCallIt() {
        methods().that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
                .and().areMetaAnnotatedWith(RequestMapping.class)
                .should(new ArchCondition<>("carry @RequiresPermission or @AnySignedInUser (on the method or its class)") {
                    @Override
                    public void check(JavaMethod m, ConditionEvents events) {
                        boolean stated = m.isAnnotatedWith(RequiresPermission.class) || m.isAnnotatedWith(AnySignedInUser.class)
                                || m.getOwner().isAnnotatedWith(RequiresPermission.class)
                                || m.getOwner().isAnnotatedWith(AnySignedInUser.class);
                        if (!stated) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " states no permission"));
                        }
                    }
                }).check(MAIN);
    }

    @Test
    void nothingReadsTheWallClockButTheBusinessClock() {
        DescribedPredicate<JavaCall<?>> wallClock = new DescribedPredicate<>("a no-argument now() or currentTimeMillis()") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean now = name.equals("now") && call.getTarget().getRawParameterTypes().isEmpty()
                        && owner.startsWith("java.time.");
                return now || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"));
            }
        };
        noClasses().should().callMethodWhere(wallClock).check(MAIN);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(MAIN);
    }

    @Test
    void noImplOrLayerSuffixes() {
        noClasses().should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Entity")
                .orShould().haveSimpleNameEndingWith("VO")
                .orShould().haveSimpleNameEndingWith("DTO")
                .check(MAIN);
    }
}
