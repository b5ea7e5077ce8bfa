package vn.partracker.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A PAR field (lĩnh vực CCHC) a task belongs to; rows, so a province can add its own. */
@Entity
@Table(name = "par_field")
public class ParField {

    @Id
    public String code;

    public String name;

    @Column(name = "sort_order")
    public int sortOrder;
}
