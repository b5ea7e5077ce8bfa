package vn.partracker.support.http;

import jakarta.ws.rs.core.EntityTag;
import vn.partracker.support.problem.PreconditionFailedException;
import vn.partracker.support.problem.PreconditionRequiredException;
import vn.partracker.support.problem.ValidationException;

/**
 * ETag / If-Match handling: the ETag of a record is its version number, and an update must present the version it
 * read, so two editors cannot silently overwrite each other.
 */
public final class ETags {

    private ETags() {}

    /** The strong ETag of a version. */
    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version.
     *
     * @throws PreconditionRequiredException when the header is missing (428)
     * @throws ValidationException when it is not a version number (400)
     * @throws PreconditionFailedException when it names another version (412)
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        long expected = parse(ifMatch);
        if (expected != currentVersion) {
            throw new PreconditionFailedException("If-Match names version " + expected + " but the current version is "
                    + currentVersion + "; read the record again");
        }
    }

    /** The version named by an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}). */
    public static long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ValidationException("If-Match", "must be the ETag of the last read, e.g. \"3\"");
        }
    }
}
