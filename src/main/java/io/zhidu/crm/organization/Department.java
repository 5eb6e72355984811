package io.zhidu.crm.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A department of one company (业务部, 财务部, ...). */
@Entity
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long companyId;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private DepartmentKind kind;
    @Version
    private long version;

    protected Department() {
    }

    public Department(Long companyId, String code, String name, DepartmentKind kind) {
        this.companyId = companyId;
        this.code = code;
        this.name = name;
        this.kind = kind;
    }

    public Long getId() {
        return id;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public DepartmentKind getKind() {
        return kind;
    }
}
