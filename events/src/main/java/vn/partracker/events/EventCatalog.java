package vn.partracker.events;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.ReportFinalized;
import vn.partracker.events.payload.TaskAssigned;
import vn.partracker.events.payload.TaskProgressReported;
import vn.partracker.events.payload.TaskStatusChanged;

/**
 * Which topic carries each event type and which payload record it has. The JSON schemas under
 * {@code schemas/<type>.v1.json} are generated from these records and checked by a test, so they cannot drift.
 */
public final class EventCatalog {

    /** Topic and payload class of one event type. */
    public record Entry(String type, String topic, Class<? extends Record> payload) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(EventTypes.AGENCY_UPSERTED, Topics.AGENCIES, AgencyUpserted.class);
        add(EventTypes.AGENCY_GROUP_UPSERTED, Topics.AGENCIES, AgencyGroupUpserted.class);
        add(EventTypes.PLAN_ISSUED, Topics.PLANS, PlanState.class);
        add(EventTypes.PLAN_AMENDED, Topics.PLANS, PlanState.class);
        add(EventTypes.TASK_ASSIGNED, Topics.PLANS, TaskAssigned.class);
        add(EventTypes.TASK_PROGRESS_REPORTED, Topics.PLANS, TaskProgressReported.class);
        add(EventTypes.TASK_STATUS_CHANGED, Topics.PLANS, TaskStatusChanged.class);
        add(EventTypes.INDICATOR_DEFINED, Topics.INDICATORS, IndicatorDefined.class);
        add(EventTypes.MEASUREMENT_SUBMITTED, Topics.MEASUREMENTS, MeasurementState.class);
        add(EventTypes.MEASUREMENT_REVISED, Topics.MEASUREMENTS, MeasurementState.class);
        add(EventTypes.MEASUREMENT_APPROVED, Topics.MEASUREMENTS, MeasurementState.class);
        add(EventTypes.MEASUREMENT_RETURNED, Topics.MEASUREMENTS, MeasurementState.class);
        add(EventTypes.MEASUREMENT_REOPENED, Topics.MEASUREMENTS, MeasurementState.class);
        add(EventTypes.REPORT_FINALIZED, Topics.REPORTS, ReportFinalized.class);
    }

    private EventCatalog() {}

    private static void add(String type, String topic, Class<? extends Record> payload) {
        ENTRIES.put(type, new Entry(type, topic, payload));
    }

    /** Every event type with its topic and payload, in the order of {@link EventTypes#ALL}. */
    public static Map<String, Entry> entries() {
        return Map.copyOf(ENTRIES);
    }

    /** The entry of one type. */
    public static Entry of(String type) {
        Entry entry = ENTRIES.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        return entry;
    }

    /** Classpath resource of a type's JSON schema. */
    public static String schemaResource(String type) {
        return "schemas/" + type + ".v1.json";
    }
}
