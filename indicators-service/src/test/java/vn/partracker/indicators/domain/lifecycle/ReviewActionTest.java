package vn.partracker.indicators.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.partracker.events.EventTypes;

/** The review lifecycle of a figure: every decision against every status, allowed or refused. */
class ReviewActionTest {

    @Test
    void approvingTakesASubmittedFigureToApprovedWithoutAReason() {
        assertEquals(Set.of(MeasurementStatus.SUBMITTED), ReviewAction.APPROVE.from());
        assertEquals(MeasurementStatus.APPROVED, ReviewAction.APPROVE.to());
        assertEquals(EventTypes.MEASUREMENT_APPROVED, ReviewAction.APPROVE.eventType());
        assertFalse(ReviewAction.APPROVE.reasonRequired());
        assertEquals("approved", ReviewAction.APPROVE.pastTense());
    }

    @Test
    void returningTakesASubmittedFigureBackToItsAgencyWithAReason() {
        assertEquals(Set.of(MeasurementStatus.SUBMITTED), ReviewAction.RETURN.from());
        assertEquals(MeasurementStatus.RETURNED, ReviewAction.RETURN.to());
        assertEquals(EventTypes.MEASUREMENT_RETURNED, ReviewAction.RETURN.eventType());
        assertTrue(ReviewAction.RETURN.reasonRequired());
        assertEquals("returned", ReviewAction.RETURN.pastTense());
    }

    @Test
    void reopeningTakesAnApprovedFigureBackToSubmittedWithAReason() {
        assertEquals(Set.of(MeasurementStatus.APPROVED), ReviewAction.REOPEN.from());
        assertEquals(MeasurementStatus.SUBMITTED, ReviewAction.REOPEN.to());
        assertEquals(EventTypes.MEASUREMENT_REOPENED, ReviewAction.REOPEN.eventType());
        assertTrue(ReviewAction.REOPEN.reasonRequired());
        assertEquals("reopened", ReviewAction.REOPEN.pastTense());
    }

    @ParameterizedTest
    @EnumSource(MeasurementStatus.class)
    void approvingIsAllowedOnlyOnASubmittedFigure(MeasurementStatus status) {
        assertEquals(status == MeasurementStatus.SUBMITTED, ReviewAction.APPROVE.allowedFrom(status));
    }

    @ParameterizedTest
    @EnumSource(MeasurementStatus.class)
    void returningIsAllowedOnlyOnASubmittedFigure(MeasurementStatus status) {
        assertEquals(status == MeasurementStatus.SUBMITTED, ReviewAction.RETURN.allowedFrom(status));
    }

    @ParameterizedTest
    @EnumSource(MeasurementStatus.class)
    void reopeningIsAllowedOnlyOnAnApprovedFigure(MeasurementStatus status) {
        assertEquals(status == MeasurementStatus.APPROVED, ReviewAction.REOPEN.allowedFrom(status));
    }

    @Test
    void aReturnedFigureAcceptsNoDecisionUntilItsNextRevision() {
        for (ReviewAction action : ReviewAction.values()) {
            assertFalse(action.allowedFrom(MeasurementStatus.RETURNED), action + " on RETURNED");
        }
    }

    @Test
    void theAllowedStartsCannotBeChangedFromOutside() {
        Set<MeasurementStatus> from = ReviewAction.APPROVE.from();
        from.addAll(EnumSet.allOf(MeasurementStatus.class));
        assertFalse(ReviewAction.APPROVE.allowedFrom(MeasurementStatus.APPROVED));
    }

    @Test
    void theVerbIsTheLowerCaseName() {
        assertEquals("approve", ReviewAction.APPROVE.verb());
        assertEquals("return", ReviewAction.RETURN.verb());
        assertEquals("reopen", ReviewAction.REOPEN.verb());
    }

    @ParameterizedTest
    @EnumSource(MeasurementStatus.class)
    void onlyAnApprovedFigureRefusesARevision(MeasurementStatus status) {
        assertEquals(status != MeasurementStatus.APPROVED, status.acceptsRevision());
    }
}
