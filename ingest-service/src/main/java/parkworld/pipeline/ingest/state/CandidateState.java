package parkworld.pipeline.ingest.state;

import java.time.Instant;

/**
 * What ingest knows about one candidate document, the value of its record on the state topic (key: {@link #url}).
 * Written by {@code ingest-service} only; see {@code ingest-service/STATE.md} for the format.
 *
 * @param url           the candidate's URL as discovered (ASCII form), also the record key
 * @param issueKey      the issue key the listing gave it
 * @param status        where it stands
 * @param sha256        lowercase hex SHA-256 of the bytes last announced, or null when never announced
 * @param sizeBytes     their size, 0 when never announced
 * @param blobUri       where those bytes are in the blob store, or null
 * @param etag          the server's {@code ETag} of the bytes last fetched, or null
 * @param lastModified  the server's {@code Last-Modified} of the bytes last fetched, or null
 * @param attempts      failed or rejected attempts in a row (0 after a success)
 * @param lastError     reason code and message of the last failure, or null
 * @param firstSeen     when a run first recorded it
 * @param lastAttempt   when a run last tried it
 * @param lastAnnounced when its bytes were last announced, or null
 */
public record CandidateState(String url, String issueKey, CandidateStatus status, String sha256, long sizeBytes,
        String blobUri, String etag, String lastModified, int attempts, String lastError, Instant firstSeen,
        Instant lastAttempt, Instant lastAnnounced) {

    /** This candidate, announced with these bytes now: attempts reset. */
    public CandidateState announced(String issueKey, String sha256, long sizeBytes, String blobUri, String etag,
            String lastModified, Instant now) {
        return new CandidateState(this.url, issueKey, CandidateStatus.ANNOUNCED, sha256, sizeBytes, blobUri, etag,
                lastModified, 0, null, this.firstSeen, now, now);
    }

    /**
     * This candidate after one more failed (or rejected) attempt: permanently failed once {@code maxAttempts} are
     * used up. What was announced before (sha256, blob) is kept.
     */
    public CandidateState attemptFailed(CandidateStatus failure, String error, int maxAttempts, Instant now) {
        int tried = this.attempts + 1;
        CandidateStatus next = tried >= maxAttempts ? CandidateStatus.PERMANENTLY_FAILED : failure;
        return new CandidateState(this.url, this.issueKey, next, this.sha256, this.sizeBytes, this.blobUri, this.etag,
                this.lastModified, tried, error, this.firstSeen, now, this.lastAnnounced);
    }

    /**
     * This candidate when ingest itself failed with it (the blob store refused, a stored blob is gone): failed, with
     * the error, but the attempt is not counted, since no retry limit should give up on an issue for an outage of
     * ingest's own storage. What was announced before (sha256, blob) is kept.
     */
    public CandidateState storeFailed(String error, Instant now) {
        return new CandidateState(this.url, this.issueKey, CandidateStatus.FAILED, this.sha256, this.sizeBytes,
                this.blobUri, this.etag, this.lastModified, this.attempts, error, this.firstSeen, now,
                this.lastAnnounced);
    }

    /** A candidate no run has recorded yet. */
    public static CandidateState firstSeen(String url, String issueKey, Instant now) {
        return new CandidateState(url, issueKey, CandidateStatus.FAILED, null, 0, null, null, null, 0, null, now, null,
                null);
    }

    /** The issue serial of its key ({@code issue-153} gives 153), or -1 when the key has none. */
    public long serial() {
        if (this.issueKey != null && this.issueKey.matches("issue-\\d{1,18}")) {
            return Long.parseLong(this.issueKey.substring("issue-".length()));
        }
        return -1;
    }
}
