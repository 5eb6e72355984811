package io.zhidu.crm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

class BodyHandlersTest {

    @RestController
    static class Api {
        public String list() {
            return "[]";
        }
    }

    @ScreenController
    static class Screens {
        public String list() {
            return "customers/list";
        }

        @ResponseBody
        public String count() {
            return "3";
        }
    }

    private static MockHttpServletRequest handledBy(Object bean, String method) throws NoSuchMethodException {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, new HandlerMethod(bean, method));
        return request;
    }

    @Test
    void restControllersAndResponseBodyMethodsAnswerABody() throws Exception {
        assertThat(BodyHandlers.answersBody(handledBy(new Api(), "list"))).isTrue();
        assertThat(BodyHandlers.answersBody(handledBy(new Screens(), "count"))).isTrue();
    }

    @Test
    void screensAndUnmatchedRequestsDoNot() throws Exception {
        assertThat(BodyHandlers.answersBody(handledBy(new Screens(), "list"))).isFalse();
        assertThat(BodyHandlers.answersBody(new MockHttpServletRequest())).isFalse();
    }
}
