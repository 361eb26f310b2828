package parkworld.pipeline.localstack;

/** Stands in for a Spring Boot service jar: says it is up, starts a child process of its own, then waits. */
public final class SleepingService {

    private SleepingService() {
    }

    public static void main(String[] args) throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        System.out.println("service up, child " + child.pid() + ", args " + String.join(" ", args) + ", greeting "
                + System.getenv("GREETING"));
        System.out.flush();
        Thread.sleep(600_000);
    }
}
