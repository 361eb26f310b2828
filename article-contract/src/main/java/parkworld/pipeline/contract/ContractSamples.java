package parkworld.pipeline.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Sample events shipped with the contract for consumers' compatibility tests: a consumer that reads every sample of
 * its event type today keeps working when a producer starts sending a newer minor version.
 */
public final class ContractSamples {

    /** Class-path folder of the samples. */
    public static final String FOLDER = "contract-samples/";

    /** Which shape of an event a sample has. */
    public enum Shape {
        /** Exactly the fields version 0.1.0 of the producers published. */
        PREVIOUS,
        /** The current fields plus optional ones a later minor version might add, at every level. */
        NEWER
    }

    private ContractSamples() {
    }

    /** @return the sample's JSON bytes, e.g. {@code contract-samples/article-extracted.v1.newer.json} */
    public static byte[] of(EventType type, Shape shape) {
        String file = type.schemaId().substring(EventType.SCHEMA_ID_PREFIX.length())
            .replace(".schema.json", "." + shape.name().toLowerCase(Locale.ROOT) + ".json");
        try (InputStream in = ContractSamples.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is not on the class path");
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
