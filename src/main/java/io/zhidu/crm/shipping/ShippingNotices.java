package io.zhidu.crm.shipping;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.notification.NoticeTopic;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Formats;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is told how a release request ended (notification centre; e-mail as each user's preferences
 * say): the warehouse staff of the order's company (they ship or hold the goods), the order's
 * creator and the requester. The approval engine tells the requester that the request ended as
 * well; this notice says what it means for the goods.
 */
@Component
class ShippingNotices {

    static final String RELEASE_DECIDED = "shipment.releaseDecided";

    private record Subject(String contractNumber, String customerName, BigDecimal amount, long companyId, long createdBy) {
    }

    private final JdbcClient jdbc;
    private final StaffDirectory directory;
    private final Formats formats;
    private final ApplicationEventPublisher events;

    ShippingNotices(JdbcClient jdbc, StaffDirectory directory, Formats formats, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.formats = formats;
        this.events = events;
    }

    /** Tells them: approved → released (goods may go), rejected → stays blocked with the reason, withdrawn → stays blocked. */
    void releaseDecided(ApprovalDecided decided) {
        Subject s = jdbc.sql("""
                        SELECT o.contract_number, c.name, o.amount, o.company_id, o.created_by
                        FROM shipping_order o JOIN customer c ON c.id = o.customer_id WHERE o.id = ?""")
                .param(decided.subjectId()).query((rs, n) -> new Subject(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getLong(4), rs.getLong(5))).optional().orElse(null);
        if (s == null) {
            return;
        }
        Set<Long> to = new LinkedHashSet<>(warehouse(s.companyId()));
        to.add(s.createdBy());
        to.add(decided.requesterId());
        String key = switch (decided.outcome()) {
            case APPROVED -> "shipping.notice.released";
            case REJECTED -> "shipping.notice.refused";
            default -> "shipping.notice.withdrawn";
        };
        String comment = decided.comment() == null ? "" : decided.comment();
        events.publishEvent(new Notice(to, RELEASE_DECIDED, key,
                List.of(s.contractNumber(), s.customerName(), formats.yuan(s.amount()), comment),
                "/shipments/" + decided.subjectId()));
    }

    /** The active warehouse staff of the company. */
    private List<Long> warehouse(long companyId) {
        DataScope company = new DataScope(0, false, Set.of(), Set.of(), Set.of(), Set.of(companyId));
        return directory.page(company, new StaffDirectory.Filter(null, null, null, Role.WAREHOUSE, true), StaffDirectory.Sort.DEFAULT,
                null, StaffDirectory.MAX_PAGE).rows().stream().map(StaffDirectory.Row::id).toList();
    }

    @Bean
    static NoticeTopic shippingReleaseDecidedTopic() {
        return new NoticeTopic(RELEASE_DECIDED, "shipping.topic.releaseDecided", true);
    }
}
