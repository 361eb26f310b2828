package parkworld.pipeline.parser.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of threads that parse, and a record of the parses their callers gave up on. A parse past its time
 * limit is abandoned: interrupted, and the PDF reader stops at its next content-stream operator. Should one not
 * stop (a hang where nothing checks the interrupt), it keeps its thread, never more: with every thread held by an
 * abandoned parse, {@link #start} refuses work with {@link AllThreadsBusy} (a transient failure, retried later)
 * instead of queueing issues behind it to time out one after the other, and {@link #abandonedStillRunning()} tells
 * the readiness check that the service is not itself.
 *
 * <p>Threads are daemons: an abandoned parse never keeps the JVM alive. Thread-safe.
 */
public final class ParseWorkers implements AutoCloseable {

    private static final AtomicLong POOLS = new AtomicLong();

    private final int threads;
    private final ExecutorService executor;
    /** One permit per thread, held from submission until the parse has really ended, abandoned or not. */
    private final Semaphore free;
    private final Map<Parse<?>, Abandoned> abandoned = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A parse given up on that is still running: what it was parsing and since when it is abandoned. */
    public record Abandoned(String issueKey, Instant since) {
    }

    /**
     * @param threads how many parses may run at once, abandoned ones included
     * @param clock   when abandoned parses are reported to have been abandoned
     */
    public ParseWorkers(int threads, Clock clock) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive but was " + threads);
        }
        this.threads = threads;
        this.clock = clock;
        this.free = new Semaphore(threads);
        long pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "pdf-parser-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One thread, for the {@code parse} command. */
    public static ParseWorkers single() {
        return new ParseWorkers(1, Clock.systemUTC());
    }

    /**
     * Starts a parse on a free thread.
     *
     * @param issueKey what is parsed, for the record of abandoned parses
     * @throws AllThreadsBusy when every thread is still held by an earlier parse
     */
    public <T> Parse<T> start(String issueKey, Callable<T> work) {
        if (!this.free.tryAcquire()) {
            throw new AllThreadsBusy(this.threads, List.copyOf(this.abandoned.values()));
        }
        Parse<T> parse = new Parse<>(issueKey, work);
        try {
            this.executor.execute(parse);
        }
        catch (RuntimeException ex) {
            this.free.release();
            throw ex;
        }
        return parse;
    }

    public int threads() {
        return this.threads;
    }

    /** Threads parsing now, abandoned parses included. */
    public int busy() {
        return this.threads - this.free.availablePermits();
    }

    /** Parses their caller gave up on that have not ended yet. */
    public List<Abandoned> abandonedStillRunning() {
        return List.copyOf(this.abandoned.values());
    }

    /** Interrupts every parse and lets the threads end. */
    @Override
    public void close() {
        this.executor.shutdownNow();
    }

    /** One parse: its result, or abandonment by its caller. */
    public final class Parse<T> extends FutureTask<T> {

        private static final int RUNNING = 0;
        private static final int ENDED = 1;
        private static final int ABANDONED = 2;

        private final String issueKey;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Parse(String issueKey, Callable<T> work) {
            super(work);
            this.issueKey = issueKey;
        }

        @Override
        public void run() {
            try {
                super.run();
            }
            finally {
                // Only now is the thread free: a parse that ignores its interrupt keeps its permit.
                if (this.state.getAndSet(ENDED) == ABANDONED) {
                    ParseWorkers.this.abandoned.remove(this);
                }
                ParseWorkers.this.free.release();
            }
        }

        /** Gives up on the parse: interrupts it and records it as abandoned until its thread is really free. */
        public void abandon() {
            // Recorded first, withdrawn if the parse ended meanwhile, so it is never missing while it runs.
            ParseWorkers.this.abandoned.put(this, new Abandoned(this.issueKey, ParseWorkers.this.clock.instant()));
            if (!this.state.compareAndSet(RUNNING, ABANDONED)) {
                ParseWorkers.this.abandoned.remove(this);
            }
            cancel(true);
        }
    }

    /** Every thread is held by a parse that has not ended; a transient state, the record is tried again later. */
    public static final class AllThreadsBusy extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AllThreadsBusy(int threads, List<Abandoned> abandoned) {
            super("all " + threads + " parse threads are busy (" + abandoned.size() + " with parses abandoned after "
                    + "the time limit that have not stopped: " + abandoned + "); raise parkworld.parser.parse-threads "
                    + "or restart the instance if they never end");
        }
    }
}
