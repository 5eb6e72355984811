package io.zhidu.crm.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A company of the group: the group company itself ({@code groupHead}) or a subsidiary (子公司). */
@Entity
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private boolean groupHead;
    private Long parentId;
    @Version
    private long version;

    protected Company() {
    }

    private Company(String name, boolean groupHead, Long parentId) {
        this.name = name;
        this.groupHead = groupHead;
        this.parentId = parentId;
    }

    /** The group company (集团): its executives see across every company of the group. */
    public static Company groupHead(String name) {
        return new Company(name, true, null);
    }

    public static Company subsidiaryOf(Company parent, String name) {
        return new Company(name, false, parent.getId());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isGroupHead() {
        return groupHead;
    }

    public Long getParentId() {
        return parentId;
    }
}
