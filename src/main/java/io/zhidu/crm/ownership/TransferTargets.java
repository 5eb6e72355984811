package io.zhidu.crm.ownership;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who may receive customers from a manager: the active salespeople and directors in the manager's scope. */
@Component
class TransferTargets {

    private final StaffDirectory directory;

    TransferTargets(StaffDirectory directory) {
        this.directory = directory;
    }

    List<StaffDirectory.Row> of(DataScope scope) {
        return directory.page(scope, StaffDirectory.Filter.activeStaff(), StaffDirectory.Sort.DEFAULT, null, StaffDirectory.MAX_PAGE)
                .rows().stream().filter(r -> r.roles().contains(Role.SALES) || r.roles().contains(Role.OFFICE_DIRECTOR)).toList();
    }
}
