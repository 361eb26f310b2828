package parkworld.pipeline.ingest.state;

import parkworld.pipeline.contract.IssueFetched;
import parkworld.pipeline.ingest.run.InvalidEventException;

/**
 * The durable record of what ingest did, shared by all replicas. A run opens a {@link Session}, which first takes
 * over from any other replica's run (that one can then write nothing more), then reads the whole state.
 */
public interface IngestLedger {

    /**
     * Takes over and reads the state.
     *
     * @throws LedgerException when the state cannot be read (Kafka unavailable): the run must not start
     */
    Session open() throws LedgerException;

    /** Reads the state without taking over: for the status view. */
    IngestState read() throws LedgerException;

    /** One run's view of the ledger and its only way to write. Close it when the run ends. */
    interface Session extends AutoCloseable {

        /** The state as read at open, with this session's own writes applied. */
        IngestState state();

        /**
         * Announces an issue and records its candidate's new state, atomically: both or neither become visible to
         * {@code read_committed} readers.
         *
         * @throws FencedException when another replica took over: nothing was written, stop the run
         * @throws LedgerException       when Kafka refused the writes: nothing was written
         * @throws InvalidEventException when the event breaks its schema: nothing was written
         */
        void announce(CandidateState state, IssueFetched event) throws LedgerException, InvalidEventException;

        /** Records a candidate's new state (a failure, a rejection) without an event. */
        void record(CandidateState state) throws LedgerException;

        /** Records the run's summary among the last runs. */
        void finish(RunSummary run) throws LedgerException;

        @Override
        void close();
    }

    /** The ledger could not be read or written. */
    class LedgerException extends Exception {

        public LedgerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another replica opened a session after this one: this one may write nothing more. */
    class FencedException extends LedgerException {

        public FencedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
