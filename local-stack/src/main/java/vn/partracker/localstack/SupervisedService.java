package vn.partracker.localstack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A service the launcher keeps running: its current process, its {@link RestartPolicy} and what the status table
 * shows about it. State changes come from the exit watcher and the restart thread of this one service; reads come from
 * any thread.
 */
final class SupervisedService {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AppService service;
    private final RestartPolicy policy;

    private volatile ServiceProcess process;
    private volatile String state = "starting";
    private volatile String lastExit = "";
    private volatile Instant lastExitAt;

    SupervisedService(AppService service, ServiceProcess process, RestartPolicy policy) {
        this.service = service;
        this.process = process;
        this.policy = policy;
    }

    AppService service() {
        return service;
    }

    ServiceProcess process() {
        return process;
    }

    RestartPolicy policy() {
        return policy;
    }

    void ready() {
        state = "up";
    }

    /** Records an unexpected exit of the current process and what the policy decided about it. */
    void exited(int exitCode, Instant at, RestartPolicy.Decision decision) {
        lastExitAt = at;
        lastExit = "code " + exitCode + " at "
                + LocalTime.ofInstant(at, ZoneId.systemDefault()).format(CLOCK);
        if (decision instanceof RestartPolicy.Restart restart) {
            state = "restarting in " + ConsoleReport.seconds(restart.delay());
        } else if (decision instanceof RestartPolicy.GiveUp giveUp) {
            state = "GAVE UP";
            lastExit += ", " + giveUp.failures() + " exits within "
                    + giveUp.window().toMinutes() + " min";
        }
    }

    /** Records the process started in place of the one that exited. */
    void restarted(ServiceProcess replacement) {
        process = replacement;
        state = "starting (restart " + policy.restarts() + ")";
    }

    /**
     * Records that the restarted process is ready.
     *
     * @return the time from the exit being detected until ready again
     */
    Duration readyAgain(Instant at) {
        state = "up";
        Duration down = Duration.between(lastExitAt, at);
        lastExit += ", ready again after " + ConsoleReport.seconds(down);
        return down;
    }

    void notReady(String reason) {
        state = "not ready: " + reason;
    }

    ServiceStatus status() {
        boolean running = !policy.gaveUp() && process.isAlive();
        return new ServiceStatus(service, state, running ? process.pid() : -1, policy.restarts(), lastExit);
    }
}
