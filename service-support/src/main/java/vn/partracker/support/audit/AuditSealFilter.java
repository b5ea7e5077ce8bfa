package vn.partracker.support.audit;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Chains the audit rows a request committed before its answer leaves, so that "my write is in the trail" holds for
 * every client that reads {@code /api/audit} after a 2xx. The rows are committed already: if sealing fails here
 * (the database went away after the commit), the answer is still sent and {@link AuditSealer}'s thread chains them
 * later — nothing is lost, the trail is only late.
 */
public class AuditSealFilter {

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
            sealer.sealPending();
        } catch (RuntimeException e) {
            Log.warnf(e, "audit rows of this request stay pending; the sealer thread chains them later");
        }
    }
}
