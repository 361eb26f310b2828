package parkworld.pipeline.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryPublishedMarksTests {

    private static final String SHA256 = "a".repeat(64);

    @TempDir
    Path directory;

    @Test
    void remembersWhatWasPublishedAcrossInstances() throws Exception {
        assertThat(new LocalDirectoryPublishedMarks(this.directory).isPublished(SHA256)).isFalse();

        new LocalDirectoryPublishedMarks(this.directory).markPublished(SHA256);

        assertThat(new LocalDirectoryPublishedMarks(this.directory).isPublished(SHA256)).isTrue();
    }

    @Test
    void markingTwiceIsHarmless() throws Exception {
        PublishedMarks marks = new LocalDirectoryPublishedMarks(this.directory);
        marks.markPublished(SHA256);
        marks.markPublished(SHA256);

        assertThat(marks.isPublished(SHA256)).isTrue();
    }

    @Test
    void refusesANameThatIsNoSha256() throws Exception {
        PublishedMarks marks = new LocalDirectoryPublishedMarks(this.directory);

        assertThatThrownBy(() -> marks.markPublished("../escape")).isInstanceOf(IllegalArgumentException.class);
    }
}
