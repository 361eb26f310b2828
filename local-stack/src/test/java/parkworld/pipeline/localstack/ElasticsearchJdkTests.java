package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchJdkTests {

    @TempDir
    Path jvms;

    @Test
    void triesTheRunningJvmFirstThenInstalledJdksNewestFirst() throws IOException {
        Path running = jdk("running-17", "17.0.15");
        Path jdk21 = jdk("jdk-21", "21.0.7");
        Path jdk25 = jdk("jdk-25", "25.0.3");
        Path unknown = jdk("mystery", null);

        List<Path> candidates = ElasticsearchJdk.candidates(running, List.of(jdk21, unknown, jdk25));

        assertThat(candidates).containsExactly(running, jdk25, jdk21, unknown);
    }

    @Test
    void listsEachJdkOnceEvenWhenReachedThroughASymlink() throws IOException {
        Path running = jdk("java-17-openjdk", "17.0.15");
        Path alias = Files.createSymbolicLink(jvms.resolve("java-1.17.0-openjdk"), running);

        assertThat(ElasticsearchJdk.candidates(running, List.of(alias, running))).containsExactly(running);
    }

    @Test
    void findsJdksByTheirJavaExecutable() throws IOException {
        Path jdk = jdk("jdk-21", "21.0.7");
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        assertThat(ElasticsearchJdk.installedJdks(List.of(jvms, jvms.resolve("absent")))).containsExactly(jdk);
    }

    @Test
    void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
        assertThat(ElasticsearchJdk.featureVersion(jdk("jdk-21", "21.0.7"))).isEqualTo(21);
        assertThat(ElasticsearchJdk.featureVersion(jdk("no-release", null))).isZero();
    }

    private Path jdk(String name, String javaVersion) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        if (javaVersion != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        }
        return home;
    }
}
