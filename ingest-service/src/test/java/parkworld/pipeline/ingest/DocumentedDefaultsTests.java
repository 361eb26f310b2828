package parkworld.pipeline.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkworld.pipeline.testsupport.DocumentedDefaults;

/** application.yml writes out every default; it must say what the properties records really default to. */
class DocumentedDefaultsTests {

    @ParameterizedTest
    @CsvSource({ "parkworld.ingest.source, parkworld.pipeline.ingest.SourceProperties",
            "parkworld.ingest.discovery, parkworld.pipeline.ingest.DiscoveryProperties",
            "parkworld.ingest.crawler, parkworld.pipeline.ingest.CrawlerProperties",
            "parkworld.ingest.blob-store, parkworld.pipeline.ingest.BlobStoreProperties",
            "parkworld.ingest.published-marks, parkworld.pipeline.ingest.PublishedMarksProperties",
            "parkworld.ingest.schedule, parkworld.pipeline.ingest.ScheduleProperties" })
    void applicationYmlStatesTheRealDefaults(String prefix, Class<?> type) {
        DocumentedDefaults.assertApplicationYmlStatesTheDefaults(prefix, type);
    }
}
