package io.zhidu.crm.segment;

import io.zhidu.crm.customer.CustomerSegmentChoices;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Offers every segment of every set to the customer list's filter, as {@code SET:CODE}. */
@Component
class SegmentChoices implements CustomerSegmentChoices {

    private final SegmentSets sets;

    SegmentChoices(SegmentSets sets) {
        this.sets = sets;
    }

    @Override
    public List<Choice> choices(Locale locale) {
        return sets.all().stream().flatMap(set -> set.segments().stream()
                .map(s -> new Choice(set.code() + ":" + s.code(), set.name(locale) + " · " + s.name(locale)))).toList();
    }
}
