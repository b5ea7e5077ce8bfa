package vn.partracker.support.audit;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Holds a request's answer until {@link AuditSealer} has chained the audit rows it committed, so that "my write is
 * in the trail" holds for every client that reads {@code /api/audit} after a 2xx. The rows are committed already:
 * if chaining does not finish within {@link #MAX_WAIT_MILLIS} (the database went away after the commit), the answer
 * is still sent and the sealer chains them later — nothing is lost, the trail is only late.
 */
public class AuditSealFilter {

    /** How long an answer waits for its rows to be chained. */
    static final long MAX_WAIT_MILLIS = 5_000;

    private final AuditReceipt receipt;
    private final AuditSealer sealer;

    public AuditSealFilter(AuditReceipt receipt, AuditSealer sealer) {
        this.receipt = receipt;
        this.sealer = sealer;
    }

    @ServerResponseFilter
    public void sealBeforeAnswering(ContainerResponseContext response) {
        if (!receipt.hasCommittedRows() || Context.isOnEventLoopThread()) {
            return;
        }
        try {
            if (!sealer.awaitSealed(MAX_WAIT_MILLIS)) {
                Log.warnf(
                        "audit rows of this request are not chained after %d ms; the sealer chains them later",
                        MAX_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
