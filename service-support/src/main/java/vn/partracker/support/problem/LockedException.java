package vn.partracker.support.problem;

import java.util.List;

/** 409 with a {@code lockReason}: the period or record no longer accepts changes, and the client is told why. */
public class LockedException extends ApiException {

    private final String lockReason;

    public LockedException(String detail, String lockReason) {
        super(409, "locked", "Locked", detail, List.of());
        this.lockReason = lockReason;
    }

    @Override
    public String lockReason() {
        return lockReason;
    }
}
