package parkworld.pipeline.ingest.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Offline backfill: every {@code *.pdf} in a local folder (or the single file given), in name order. */
public final class FolderDiscovery implements IssueDiscovery {

    private final Path location;

    /** The setting the folder came from, named when it is no folder (the source's, or an operator's backfill's). */
    private final String setting;

    public FolderDiscovery(Path location) {
        this(location, "parkworld.ingest.source.location");
    }

    public FolderDiscovery(Path location, String setting) {
        this.location = location;
        this.setting = setting;
    }

    @Override
    public Discovered discover() throws IOException {
        if (Files.isRegularFile(this.location)) {
            return Discovered.of(List.of(IssueLink.of(this.location.toAbsolutePath().toUri())));
        }
        if (!Files.isDirectory(this.location)) {
            throw new IOException(this.location.toAbsolutePath()
                    + " is neither a folder nor a file: check " + this.setting);
        }
        try (Stream<Path> files = Files.list(this.location)) {
            return Discovered.of(files.filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                .sorted()
                .map(p -> IssueLink.of(p.toAbsolutePath().toUri()))
                .toList());
        }
    }
}
