package io.zhidu.crm.collection;

import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.WorkbenchPanel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The finance workbench's panel of collection cases by open stage, counted up to a cap, each linking to its list. */
@Component
class CollectionPanel implements WorkbenchPanel {

    /** Counts stop here; the panel shows "999+". */
    static final int CAP = 1000;

    private final CollectionCases cases;

    CollectionPanel(CollectionCases cases) {
        this.cases = cases;
    }

    @Override
    public String workbench() {
        return "finance";
    }

    @Override
    public String labelKey() {
        return "collection.panel.title";
    }

    @Override
    public String permission() {
        return "receivable:read";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fragment() {
        return "collection-panels :: stages";
    }

    /** {@code counts}: stage → shown count ("12", or "999+" at the cap). */
    @Override
    public Map<String, Object> model(DataScope scope) {
        Map<CaseStage, String> counts = new LinkedHashMap<>();
        for (CaseStage stage : new CaseStage[] {CaseStage.OFFICE, CaseStage.PLANNING}) {
            long n = cases.countAtStage(scope, stage, CAP);
            counts.put(stage, n >= CAP ? (CAP - 1) + "+" : Long.toString(n));
        }
        return Map.of("counts", counts);
    }
}
