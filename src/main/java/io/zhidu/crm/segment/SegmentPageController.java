package io.zhidu.crm.segment;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The segment screens: the sets with their rules (客户 › 客户分群), the set editor (a form of
 * typed conditions; a refusal keeps everything typed and marks the field), refresh now, and the
 * assignment of a customer to a manual set's segment.
 */
@ScreenController
class SegmentPageController {

    /** Blank rows the editor offers for new segments and new conditions. */
    static final int BLANK_SEGMENTS = 2;
    static final int BLANK_CONDITIONS = 2;

    private final SegmentSets sets;
    private final CustomerSegments memberships;
    private final SegmentRefresh refresh;
    private final CustomerSearch customers;
    private final BusinessClock clock;

    SegmentPageController(SegmentSets sets, CustomerSegments memberships, SegmentRefresh refresh, CustomerSearch customers,
                          BusinessClock clock) {
        this.sets = sets;
        this.memberships = memberships;
        this.refresh = refresh;
        this.customers = customers;
        this.clock = clock;
    }

    @Bean
    static NavItem segmentsNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "segment.nav", "/segments", "diagram-3", "segment:read", 65);
    }

    @GetMapping("/segments")
    @RequiresPermission("segment:read")
    String list(Model model) {
        model.addAttribute("sets", sets.all());
        model.addAttribute("canConfigure", Grants.can("segment:configure"));
        return "segments";
    }

    @PostMapping("/segments/refresh")
    @RequiresPermission("segment:configure")
    String refreshNow(RedirectAttributes redirect) {
        SegmentRefresh.Result r = refresh.refresh(clock.today());
        redirect.addFlashAttribute("flash", "segment.refreshed");
        redirect.addFlashAttribute("flashArgs", new Object[]{r.customers(), r.changed()});
        return "redirect:/segments";
    }

    @GetMapping("/segments/new")
    @RequiresPermission("segment:configure")
    String newSet(Model model) {
        return editor(new SegmentSetForm("", "", "", SegmentSet.Kind.RULE.name(), "", List.of()), null, true, model);
    }

    @GetMapping("/segments/{code}/edit")
    @RequiresPermission("segment:configure")
    String edit(@PathVariable String code, Model model) {
        SegmentSet set = sets.get(code);
        return editor(SegmentSetForm.of(set), set.version(), false, model);
    }

    /** Saves the editor: a new set when {@code version} is absent, else the set of that code at that version. */
    @PostMapping("/segments")
    @RequiresPermission("segment:configure")
    String save(DataScope scope, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        SegmentSetForm form = form(params);
        Long version = version(params.get("version"));
        boolean creating = version == null;
        try {
            if (creating && sets.find(form.code()).isPresent()) {
                throw DomainException.invalid("code", "segment.error.codeTaken", form.code());
            }
            SegmentSet saved = sets.save(form, version, scope.userId());
            redirect.addFlashAttribute("flash", "segment.saved");
            redirect.addFlashAttribute("flashArgs", new Object[]{saved.nameZh()});
            return "redirect:/segments";
        } catch (DomainException e) {
            refused(e, model);
            return editor(form, version, creating, model);
        }
    }

    @GetMapping("/customers/{id}/segments/{set}")
    @RequiresPermission("segment:assign")
    String assignForm(DataScope scope, @PathVariable long id, @PathVariable("set") String setCode, Model model) {
        CustomerSegments.Membership m = membership(scope, id, setCode);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("segment", m.segment() == null ? "" : m.segment().code());
        values.put("reason", "");
        return assignPage(scope, id, m, values, model);
    }

    @PostMapping("/customers/{id}/segments/{set}")
    @RequiresPermission("segment:assign")
    String assign(DataScope scope, @PathVariable long id, @PathVariable("set") String setCode,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("segment", params.getOrDefault("segment", ""));
        values.put("reason", params.getOrDefault("reason", ""));
        try {
            memberships.assign(scope, id, setCode, values.get("segment"), values.get("reason"));
            redirect.addFlashAttribute("flash", "segment.assigned");
            return "redirect:/customers/" + id;
        } catch (DomainException e) {
            refused(e, model);
            return assignPage(scope, id, membership(scope, id, setCode), values, model);
        }
    }

    /** Puts a refusal above the form, its field marked; absent and forbidden still answer 404 / 403. */
    private static void refused(DomainException e, Model model) {
        if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
            throw e;
        }
        model.addAttribute("formError", e.kind() == DomainException.Kind.STALE ? "segment.error.stale" : e.messageKey());
        model.addAttribute("formErrorArgs", e.args());
        model.addAttribute("formErrorField", e.field());
    }

    private CustomerSegments.Membership membership(DataScope scope, long id, String setCode) {
        SegmentSet set = sets.get(setCode);
        return memberships.of(scope, id).stream().filter(m -> m.set().code().equals(set.code())).findFirst()
                .orElseThrow(DomainException::notFound);
    }

    private String assignPage(DataScope scope, long id, CustomerSegments.Membership m, Map<String, String> values, Model model) {
        model.addAttribute("customer", customers.find(scope, id, false).orElseThrow(DomainException::notFound));
        model.addAttribute("membership", m);
        model.addAttribute("values", values);
        return "segment-assign";
    }

    private String editor(SegmentSetForm form, Long version, boolean creating, Model model) {
        boolean rules = !SegmentSet.Kind.MANUAL.name().equals(form.kind());
        List<SegmentSetForm.SegmentInput> rows = new ArrayList<>();
        for (SegmentSetForm.SegmentInput s : form.segments()) {
            rows.add(new SegmentSetForm.SegmentInput(s.code(), s.nameZh(), s.nameEn(), withBlanks(s.conditions(), rules)));
        }
        for (int i = 0; i < BLANK_SEGMENTS; i++) {
            rows.add(new SegmentSetForm.SegmentInput("", "", "", withBlanks(List.of(), rules)));
        }
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("version", version);
        model.addAttribute("creating", creating);
        model.addAttribute("facts", Fact.values());
        model.addAttribute("ops", Fact.Op.values());
        model.addAttribute("kinds", SegmentSet.Kind.values());
        return "segment-set-form";
    }

    private static Long version(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(DomainException.Kind.STALE, "segment.error.stale", null);
        }
    }

    private static List<SegmentSetForm.ConditionInput> withBlanks(List<SegmentSetForm.ConditionInput> conditions, boolean rules) {
        List<SegmentSetForm.ConditionInput> out = new ArrayList<>(conditions == null ? List.of() : conditions);
        if (rules) {
            for (int i = 0; i < BLANK_CONDITIONS; i++) {
                out.add(new SegmentSetForm.ConditionInput("", "", ""));
            }
        }
        return out;
    }

    /**
     * The editor's fields ({@code segments[i].code}, {@code segments[i].order},
     * {@code segments[i].conditions[j].fact} ...) as a form: rows left blank are dropped, segments
     * are put in the order typed (then in row order).
     */
    static SegmentSetForm form(Map<String, String> p) {
        record Numbered(int order, int row, SegmentSetForm.SegmentInput input) {
        }
        List<Numbered> segments = new ArrayList<>();
        for (int i = 0; p.containsKey("segments[" + i + "].code"); i++) {
            String prefix = "segments[" + i + "].";
            List<SegmentSetForm.ConditionInput> conditions = new ArrayList<>();
            for (int j = 0; p.containsKey(prefix + "conditions[" + j + "].fact"); j++) {
                String cp = prefix + "conditions[" + j + "].";
                String fact = p.getOrDefault(cp + "fact", "");
                String value = p.getOrDefault(cp + "value", "");
                if (!fact.isBlank() || !value.isBlank()) {
                    conditions.add(new SegmentSetForm.ConditionInput(fact, p.getOrDefault(cp + "op", ""), value));
                }
            }
            String code = p.getOrDefault(prefix + "code", "");
            String nameZh = p.getOrDefault(prefix + "nameZh", "");
            String nameEn = p.getOrDefault(prefix + "nameEn", "");
            if (code.isBlank() && nameZh.isBlank() && nameEn.isBlank() && conditions.isEmpty()) {
                continue;
            }
            int order;
            try {
                order = Integer.parseInt(p.getOrDefault(prefix + "order", "").strip());
            } catch (NumberFormatException e) {
                order = Integer.MAX_VALUE;
            }
            segments.add(new Numbered(order, i, new SegmentSetForm.SegmentInput(code, nameZh, nameEn, conditions)));
        }
        segments.sort(java.util.Comparator.comparingInt(Numbered::order).thenComparingInt(Numbered::row));
        return new SegmentSetForm(p.getOrDefault("code", ""), p.getOrDefault("nameZh", ""), p.getOrDefault("nameEn", ""),
                p.getOrDefault("kind", ""), p.getOrDefault("clause", ""), segments.stream().map(Numbered::input).toList());
    }
}
