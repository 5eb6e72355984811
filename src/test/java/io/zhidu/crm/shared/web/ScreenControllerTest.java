package io.zhidu.crm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Every controller is a REST controller or a screen controller: a screen one gets the navigation and the top bar's model. */
class ScreenControllerTest {

    @Test
    void everyControllerThatIsNotARestControllerIsAScreenController() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<Class<?>> controllers = new java.util.ArrayList<>();
        for (var bean : scanner.findCandidateComponents("io.zhidu.crm")) {
            controllers.add(Class.forName(bean.getBeanClassName()));
        }
        assertThat(controllers).hasSizeGreaterThan(40);
        assertThat(controllers).filteredOn(c -> !AnnotatedElementUtils.hasAnnotation(c, RestController.class))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(AnnotatedElementUtils.hasAnnotation(c, ScreenController.class)).as(c.getName()).isTrue());
    }
}
