package parkworld.pipeline.ingest.state;

/** Where a candidate document stands, as recorded on the state topic. */
public enum CandidateStatus {

    /** Its bytes ({@code sha256}) were announced in an {@code IssueFetched}; announced again only when they change. */
    ANNOUNCED,

    /** Read, but no issue (an HTML page served as {@code .pdf}, cut off, empty); tried again until the limit. */
    REJECTED,

    /** Could not be fetched or announced; tried again on later runs until the limit. */
    FAILED,

    /** Failed or rejected {@code parkworld.ingest.state.max-attempts} times in a row; no longer tried. */
    PERMANENTLY_FAILED;

    /** Whether a run should still try this candidate. */
    public boolean isRetried() {
        return this == REJECTED || this == FAILED;
    }
}
