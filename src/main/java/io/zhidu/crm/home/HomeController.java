package io.zhidu.crm.home;

import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.organization.ReportingLine;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.security.CurrentStaff;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: who I am, where I sit, whom I report to, who reports to me, and today's business date. */
@ScreenController
@AnySignedInUser
class HomeController {

    private final CurrentStaff current;
    private final StaffDirectory directory;
    private final ReportingLine line;
    private final BusinessClock clock;

    HomeController(CurrentStaff current, StaffDirectory directory, ReportingLine line, BusinessClock clock) {
        this.current = current;
        this.directory = directory;
        this.line = line;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        long id = current.account().orElseThrow(DomainException::notFound).id();
        model.addAttribute("me", directory.find(DataScope.ownOnly(id), id).orElseThrow(DomainException::notFound));
        model.addAttribute("chain", line.chainUp(id));
        model.addAttribute("team", line.subordinates(id));
        model.addAttribute("today", clock.today());
        model.addAttribute("clockShifted", clock.offsetDays() != 0);
        return "home";
    }

    @Bean
    static NavItem homeNavItem() {
        return new NavItem(NavGroup.HOME, "nav.home", "/", "house", null, 0);
    }
}
