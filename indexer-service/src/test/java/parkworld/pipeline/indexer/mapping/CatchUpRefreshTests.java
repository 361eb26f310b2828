package parkworld.pipeline.indexer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatchUpRefreshTests {

    private final RecordingSettings index = new RecordingSettings();

    private final CatchUpRefresh catchUp = new CatchUpRefresh(this.index, 200, Duration.ofSeconds(30));

    @Test
    void leavesTheRefreshAloneForAnIssueOrTwo() {
        this.catchUp.indexed(43);
        this.catchUp.indexed(50);
        this.catchUp.idle();
        this.catchUp.indexed(120);

        assertThat(this.index.calls).isEmpty();
        assertThat(this.catchUp.relaxed()).isFalse();
    }

    @Test
    void relaxesTheRefreshOnceEnoughArticlesCameWithoutAPause() {
        this.catchUp.indexed(120);
        this.catchUp.indexed(80);
        this.catchUp.indexed(500);

        assertThat(this.index.calls).containsExactly("refresh_interval=30000ms");
        assertThat(this.catchUp.relaxed()).isTrue();
    }

    @Test
    void restoresTheRefreshAndRefreshesWhenIdle() {
        this.catchUp.indexed(500);
        this.catchUp.idle();
        this.catchUp.idle();

        assertThat(this.index.calls).containsExactly("refresh_interval=30000ms", "refresh_interval=null", "_refresh");
        assertThat(this.catchUp.relaxed()).isFalse();
    }

    @Test
    void countsAgainFromZeroAfterAPause() {
        this.catchUp.indexed(150);
        this.catchUp.idle();
        this.catchUp.indexed(150);

        assertThat(this.index.calls).isEmpty();
    }

    @Test
    void aFailedRelaxationIsTriedAgainAfterTheNextBatch() {
        this.index.failing = true;
        this.catchUp.indexed(500);
        this.index.failing = false;
        this.catchUp.indexed(10);

        assertThat(this.index.calls).containsExactly("refresh_interval=30000ms");
        assertThat(this.catchUp.relaxed()).isTrue();
    }

    @Test
    void aFailedRestoreIsTriedAgainAtTheNextIdleEvent() {
        this.catchUp.indexed(500);
        this.index.failing = true;
        this.catchUp.idle();
        assertThat(this.catchUp.relaxed()).as("still relaxed after the failed restore").isTrue();
        this.index.failing = false;
        this.catchUp.idle();

        assertThat(this.index.calls).containsExactly("refresh_interval=30000ms", "refresh_interval=null", "_refresh");
        assertThat(this.catchUp.relaxed()).isFalse();
    }

    @Test
    void neverRelaxesWithAMinimumOfZero() {
        CatchUpRefresh disabled = new CatchUpRefresh(this.index, 0, Duration.ofSeconds(30));
        disabled.indexed(100_000);
        disabled.idle();

        assertThat(this.index.calls).isEmpty();
    }

    /** Records what was asked of Elasticsearch; fails every call while {@code failing}. */
    static final class RecordingSettings implements CatchUpRefresh.RefreshSettings {

        final List<String> calls = new ArrayList<>();
        boolean failing;

        @Override
        public void refreshInterval(Duration interval) {
            call("refresh_interval=" + interval.toMillis() + "ms");
        }

        @Override
        public void restoreRefreshInterval() {
            call("refresh_interval=null");
        }

        @Override
        public void refresh() {
            call("_refresh");
        }

        private void call(String call) {
            if (this.failing) {
                throw new IllegalStateException("Elasticsearch unavailable");
            }
            this.calls.add(call);
        }
    }
}
