package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

    @TempDir
    Path directory;

    @Test
    void runsTheJarWithArgumentsAndEnvironmentAndLogsItsOutput() throws Exception {
        Path log = directory.resolve("service.log");

        try (ServiceProcess service = ServiceProcess.start(serviceJar(), List.of("-Xmx64m"), List.of("--port=0"),
                Map.of("GREETING", "hello"), log)) {
            awaitLogLine(log, "service up");

            assertThat(service.isAlive()).isTrue();
            assertThat(service.logFile()).isEqualTo(log);
            assertThat(log).content().contains("args --port=0", "greeting hello");
        }
    }

    @Test
    void stopsTheServiceAndEverythingItStartedOnClose() throws Exception {
        Path log = directory.resolve("service.log");
        ServiceProcess service = ServiceProcess.start(serviceJar(), List.of(), List.of(), Map.of(), log);
        awaitLogLine(log, "service up");
        ProcessHandle root = ProcessHandle.of(service.pid()).orElseThrow();
        List<ProcessHandle> descendants = root.descendants().toList();

        service.close();

        assertThat(descendants).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(root.isAlive()).isFalse();
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void killsAProcessThatIgnoresTheStopSignalAfterTheGracePeriod() throws Exception {
        Path log = directory.resolve("stubborn.log");
        ProcessBuilder stubborn =
                new ProcessBuilder("sh", "-c", "trap '' TERM; echo stubborn; while true; do sleep 1; done");
        ChildProcess process = ChildProcess.start("stubborn", stubborn, log, Duration.ofSeconds(1));
        awaitLogLine(log, "stubborn");
        long began = System.nanoTime();

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    private Path serviceJar() throws IOException {
        Path jar = directory.resolve("sleeping-service.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SleepingService.class.getName());
        String classFile = SleepingService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream bytes = SleepingService.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static void awaitLogLine(Path log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!LogFile.contains(log, 0, text)) {
            assertThat(System.nanoTime()).as("'%s' in %s: %s", text, log, LogFile.tail(log, 20)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
