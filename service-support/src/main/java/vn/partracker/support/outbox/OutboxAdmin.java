package vn.partracker.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.NotFoundException;

/** Operators' view of the outbox: the parked rows, and releasing one for another round of tries. */
@ApplicationScoped
public class OutboxAdmin {

    /** Most parked rows listed at once; more than this means something systematic, seen in the gauge. */
    static final int LIST_LIMIT = 1000;

    private final OutboxRepository repository;
    private final AuditTrail audit;

    public OutboxAdmin(OutboxRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The parked rows in commit order (at most {@value #LIST_LIMIT}). */
    public List<ParkedEvent> parked() {
        return repository.parked(LIST_LIMIT);
    }

    /**
     * Releases parked row {@code seq}: its attempts start again from zero and the relay tries it next, then the
     * rows of its key it held back. Audited as {@code outbox.parked.retried}.
     *
     * @throws NotFoundException when no row has that sequence number
     * @throws ConflictException when the row is not parked (already sent, or waiting its turn)
     */
    @Transactional
    public ParkedEvent retry(long seq) {
        ParkedEvent before = repository.find(seq).orElseThrow(() -> new NotFoundException("Outbox event", seq));
        if (before.parkedAt() == null || !repository.unpark(seq)) {
            throw new ConflictException("outbox event " + seq + " is not parked");
        }
        ParkedEvent after = repository.find(seq).orElseThrow();
        audit.record("outbox.parked.retried", "OutboxEvent", seq, before, after);
        return after;
    }
}
