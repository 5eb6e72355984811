package io.zhidu.crm.notification;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every {@link NoticeTopic} the modules declare, by code; two topics with one code stop the start. */
@Component
class NoticeTopics {

    private final Map<String, NoticeTopic> byCode;

    NoticeTopics(List<NoticeTopic> declared) {
        this.byCode = declared.stream().collect(Collectors.toMap(NoticeTopic::code, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two notice topics with the code " + a.code());
        }, java.util.TreeMap::new));
    }

    /** The declared topics, by code. */
    List<NoticeTopic> all() {
        return byCode.values().stream().sorted(Comparator.comparing(NoticeTopic::code)).toList();
    }

    Optional<NoticeTopic> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }
}
