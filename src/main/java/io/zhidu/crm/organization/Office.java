package io.zhidu.crm.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A sales office (办事处) under the business department, e.g. 华东办事处. */
@Entity
public class Office {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long departmentId;
    private String code;
    private String name;
    private String region;
    private boolean active = true;
    @Version
    private long version;

    protected Office() {
    }

    public Office(Long departmentId, String code, String name, String region) {
        this.departmentId = departmentId;
        this.code = code;
        this.name = name;
        this.region = region;
    }

    public Long getId() {
        return id;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public boolean isActive() {
        return active;
    }
}
