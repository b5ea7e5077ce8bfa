package vn.partracker.indicators.support;

import java.util.UUID;
import vn.partracker.testsupport.fixtures.KonTumWorld;

/**
 * The suite's Kon Tum world ({@link KonTumWorld}) as this service sees it: published as plans-service would, then
 * waited for until the agency, group and plan replicas hold it, so HTTP tests start from replicated reference data.
 *
 * <p>Every IT class of this service shares one database, and imports look plans up by number and groups by name
 * (the demo documents of {@code IndicatorImportIT} use the real "59/QĐ-UBND" and "Các sở, ban ngành"); the shared
 * world's plan number and group names carry its suffix, so they never clash.
 */
public final class IndicatorsWorld {

    public final KonTumWorld seed;
    public final String suffix;
    public final UUID province;
    public final UUID office;
    public final UUID homeAffairs;
    public final UUID environment;
    public final UUID district;
    public final UUID commune;
    public final UUID departments;
    public final UUID communes;
    public final UUID plan;
    public final String planNumber;

    private IndicatorsWorld(KonTumWorld seed) {
        this.seed = seed;
        suffix = seed.suffix;
        province = seed.province;
        office = seed.office;
        homeAffairs = seed.homeAffairs;
        environment = seed.environment;
        district = seed.district;
        commune = seed.commune;
        departments = seed.departments;
        communes = seed.communes;
        plan = seed.planId;
        planNumber = seed.planNumber;
    }

    /** Publishes a fresh world and waits for its replicas. */
    public static IndicatorsWorld create(Replicas replicas) {
        IndicatorsWorld world = new IndicatorsWorld(new KonTumWorld().publish());
        world.seed.agencies().forEach(a -> replicas.awaitVersion("agency_replica", a.id(), 1));
        world.seed.groups().forEach(g -> replicas.awaitVersion("agency_group_replica", g.id(), 1));
        replicas.awaitVersion("plan_replica", world.plan, 1);
        return world;
    }

    /** The agency code of one of the world's agencies, e.g. {@code KT.SNV.<suffix>} for {@link #homeAffairs}. */
    public String code(UUID agency) {
        return seed.agency(agency).code();
    }
}
