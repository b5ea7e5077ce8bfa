package vn.partracker.localstack;

/**
 * One row of the launcher's status table: what a supervised service is doing now and how often it was restarted.
 *
 * @param service the service
 * @param state {@code up}, {@code restarting in 2 s}, {@code starting (restart 1)}, {@code GAVE UP}, …
 * @param pid the current process id, or -1 when no process runs
 * @param restarts restarts since the launcher started
 * @param lastExit the last unexpected exit (code, time, how long until ready again), or empty
 */
public record ServiceStatus(AppService service, String state, long pid, int restarts, String lastExit) {}
