package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A level of government (province, district, commune …) as a row, so a reform of levels needs no release. */
@Entity
@Table(name = "agency_level")
public class AgencyLevel {

    @Id
    public String code;

    public String name;

    @Column(name = "sort_order")
    public int sortOrder;
}
