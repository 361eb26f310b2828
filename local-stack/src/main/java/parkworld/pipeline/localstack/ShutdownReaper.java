package parkworld.pipeline.localstack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Safety net: whatever is still open when the JVM exits (Ctrl-C, System.exit, end of a test run) gets closed. */
final class ShutdownReaper {

    private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

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

    private static void closeAll() {
        List<AutoCloseable> open;
        synchronized (ShutdownReaper.class) {
            open = new ArrayList<>(OPEN);
        }
        // In parallel: each close may wait for a graceful stop, and exit time is short.
        List<Thread> closers = new ArrayList<>();
        for (AutoCloseable resource : open) {
            Thread closer = new Thread(() -> closeQuietly(resource), "parkworld-local-stack-close");
            closer.start();
            closers.add(closer);
        }
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("[local-stack] could not close " + resource + " at exit: " + e);
        }
    }
}
