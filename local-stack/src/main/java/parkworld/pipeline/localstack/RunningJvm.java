package parkworld.pipeline.localstack;

import java.nio.file.Path;

/** The JVM this code runs in: its {@code java} starts the child JVMs, so they match what the build uses. */
final class RunningJvm {

    private RunningJvm() {
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    static String javaExecutable() {
        return javaHome().resolve("bin").resolve("java").toString();
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
