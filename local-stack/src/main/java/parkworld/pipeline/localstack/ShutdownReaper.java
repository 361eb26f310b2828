package parkworld.pipeline.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Safety net and the one shutdown path: whatever is still open when the JVM exits (Ctrl-C, System.exit, end of a
 * test run) gets closed, newest first, so what was started on top of something stops before it (services before
 * Elasticsearch and Kafka, a process before its work directory is deleted).
 */
final class ShutdownReaper {

    /** Guarded by the class lock: registration happens on the starting thread, closing on the hook thread. */
    private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;
    /** Set once closing began: from then on, processes stopping are expected, not news. */
    private static volatile boolean closing;

    private ShutdownReaper() {
    }

    static synchronized void register(AutoCloseable resource) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownReaper::closeAll, "parkworld-local-stack-reaper"));
            hookInstalled = true;
        }
        OPEN.add(resource);
    }

    static synchronized void deregister(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    /** Closes everything still registered, newest first, one after the other; visible for tests. */
    static void closeAll() {
        closing = true;
        List<AutoCloseable> open;
        synchronized (ShutdownReaper.class) {
            open = new ArrayList<>(OPEN);
        }
        // One by one, not in parallel: a service stopping after its broker would hang on its graceful shutdown.
        Collections.reverse(open);
        open.forEach(ShutdownReaper::closeQuietly);
    }

    /** Whether {@link #closeAll} began (Ctrl-C, System.exit): what it stops did not stop unexpectedly. */
    static boolean isClosing() {
        return closing;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("[local-stack] could not close " + resource + " at exit: " + e);
        } finally {
            deregister(resource);
        }
    }
}
