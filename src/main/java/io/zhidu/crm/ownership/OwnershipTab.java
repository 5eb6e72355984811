package io.zhidu.crm.ownership;

import io.zhidu.crm.customer.Customer;
import io.zhidu.crm.customer.CustomerManagement;
import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Grants;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The customer page's 保护期 tab: who holds it until when, its protection events and progress, and the acts. */
@Component
class OwnershipTab implements CustomerTab {

    private final OwnershipQueries queries;
    private final ProtectionLog log;
    private final CustomerManagement customers;
    private final Policies policies;
    private final BusinessClock clock;
    private final MessageSource messages;
    private final TransferTargets targets;

    OwnershipTab(OwnershipQueries queries, ProtectionLog log, CustomerManagement customers, Policies policies,
                 BusinessClock clock, MessageSource messages, TransferTargets targets) {
        this.targets = targets;
        this.queries = queries;
        this.log = log;
        this.customers = customers;
        this.policies = policies;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public String key() {
        return "ownership";
    }

    @Override
    public String labelKey() {
        return "ownership.tab";
    }

    @Override
    public String permission() {
        return null;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "customer-ownership :: tab";
    }

    @Override
    public Map<String, Object> model(long customerId, DataScope scope) {
        Customer c = customers.load(customerId).orElseThrow();
        List<OwnershipQueries.Row> protections = queries.ofCustomer(customerId, clock.today());
        OwnershipQueries.Row open = protections.stream().filter(p -> p.status() == Protection.Status.ACTIVE
                || p.status() == Protection.Status.EXPIRED).findFirst().orElse(null);
        boolean mine = c.getOwnerId() != null && c.getOwnerId() == scope.userId();
        ProtectionRules rules = ProtectionRules.of(policies.current());
        Map<String, Object> m = new HashMap<>();
        m.put("customerId", customerId);
        m.put("open", open);
        m.put("canDeclare", Grants.can("ownership:declare") && open == null && (mine || c.getOwnerId() == null));
        m.put("canRelease", open != null && (mine || Grants.can("ownership:transfer")));
        m.put("canRecord", Grants.can("customer:edit"));
        m.put("kinds", Arrays.asList(ProgressKind.values()));
        m.put("today", clock.today());
        m.put("renewingLabels", rules.renewing().stream()
                .map(k -> messages.getMessage(k.labelKey(), null, LocaleContextHolder.getLocale()))
                .collect(Collectors.joining("、")));
        m.put("events", log.of(customerId));
        m.put("progress", queries.progress(customerId));
        m.put("targets", Grants.can("ownership:transfer") ? targets.of(scope) : List.of());
        return m;
    }
}
