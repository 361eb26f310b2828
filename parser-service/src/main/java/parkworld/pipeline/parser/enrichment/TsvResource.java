package parkworld.pipeline.parser.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a tab-separated classpath resource: {@code #} starts a comment line, blank lines are skipped. */
final class TsvResource {

    /** One data line, with its 1-based line number for error messages. */
    record Row(String resource, int line, List<String> cells) {

        String cell(int index) {
            return cells.get(index);
        }

        IllegalStateException error(String problem) {
            return new IllegalStateException(resource + " line " + line + ": " + problem + " in " + cells);
        }
    }

    private TsvResource() {
    }

    static List<Row> read(String resource, int minColumns, int maxColumns) {
        InputStream in = TsvResource.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(text.split("\t", -1)).stream().map(String::strip).toList();
                Row row = new Row(resource, line, cells);
                if (cells.size() < minColumns || cells.size() > maxColumns) {
                    throw row.error("expected " + minColumns + (minColumns == maxColumns ? "" : ".." + maxColumns)
                            + " tab-separated columns but found " + cells.size());
                }
                rows.add(row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
        return rows;
    }
}
