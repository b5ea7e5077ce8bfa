package vn.partracker.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.partracker.events.period.Frequency;
import vn.partracker.events.period.Period;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.PlanReplica;
import vn.partracker.indicators.repository.IndicatorRepository;
import vn.partracker.indicators.repository.PlanReplicaRepository;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * Produces the XLSX form an agency fills in: one line per indicator of the plan it performs (and, when a period is
 * given, whose frequency matches it), pre-filled with plan number, group, ordinal, name, unit, agency code and
 * period, with Vietnamese headings that {@code POST /api/measurements/import} reads back.
 */
@ApplicationScoped
public class TemplateService {

    private final IndicatorRepository indicators;
    private final PlanReplicaRepository plans;
    private final AgencyDirectory directory;

    public TemplateService(IndicatorRepository indicators, PlanReplicaRepository plans, AgencyDirectory directory) {
        this.indicators = indicators;
        this.plans = plans;
        this.directory = directory;
    }

    /**
     * @return the workbook's bytes
     * @throws ValidationException for a missing or unknown plan, an unknown agency or a malformed period
     */
    public byte[] template(UUID planId, UUID agencyId, String periodCode) {
        List<FieldError> errors = new ArrayList<>();
        PlanReplica plan = planId == null ? null : plans.findById(planId);
        if (plan == null) {
            errors.add(new FieldError("planId", planId == null ? "planId is required" : "unknown plan " + planId));
        }
        AgencyDirectory.View view = directory.view();
        AgencyReplica agency = agencyId == null ? null : view.agency(agencyId).orElse(null);
        if (agencyId != null && agency == null) {
            errors.add(new FieldError("agencyId", "unknown agency " + agencyId));
        }
        Period period = null;
        if (periodCode != null && !periodCode.isBlank()) {
            try {
                period = Period.parse(periodCode.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("period", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate day = period != null ? period.calendarEnd() : LocalDate.now();
        List<Indicator> lines = new ArrayList<>();
        for (Indicator indicator : indicators.search(plan.id, null, null).list()) {
            boolean frequencyMatches = period == null || Frequency.valueOf(indicator.frequency) == period.frequency();
            boolean performs = agency == null || view.isAmong(indicator.performing(), agency, day);
            if (frequencyMatches && performs) {
                lines.add(indicator);
            }
        }
        return workbook(plan, agency, period, lines);
    }

    private static byte[] workbook(PlanReplica plan, AgencyReplica agency, Period period, List<Indicator> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Số liệu");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < SheetColumns.HEADINGS.size(); i++) {
                header.createCell(i).setCellValue(SheetColumns.HEADINGS.get(i)[0]);
                header.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (Indicator indicator : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(plan.number);
                row.createCell(1).setCellValue(indicator.group);
                row.createCell(2).setCellValue(indicator.ordinal);
                row.createCell(3).setCellValue(indicator.name);
                row.createCell(4).setCellValue(indicator.unit);
                if (agency != null) {
                    row.createCell(5).setCellValue(agency.code);
                    row.createCell(14).setCellValue(agency.id.toString());
                }
                if (period != null) {
                    row.createCell(6).setCellValue(period.code());
                }
                row.createCell(13).setCellValue(indicator.id.toString());
            }
            sheet.setColumnWidth(3, 80 * 256);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the template workbook", e);
        }
    }
}
