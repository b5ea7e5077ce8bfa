package vn.partracker.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.partracker.reporting.service.IndicatorEventService;
import vn.partracker.support.consumer.IncomingEvent;

/** Consumes {@code partracker.indicators}; committed after the database commit. */
@ApplicationScoped
public class IndicatorEventsConsumer {

    private final IndicatorEventService service;

    public IndicatorEventsConsumer(IndicatorEventService service) {
        this.service = service;
    }

    /** Applies one indicator definition. */
    @Incoming("indicators")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        service.apply(IncomingEvent.from(record));
    }
}
