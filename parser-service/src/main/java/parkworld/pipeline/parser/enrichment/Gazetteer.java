package parkworld.pipeline.parser.enrichment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import parkworld.pipeline.contract.ArticleExtracted.GeoPoint;
import parkworld.pipeline.contract.ArticleExtracted.Place;

/**
 * China's province-level and prefecture-level divisions with their names, ISO 3166-2 codes and coordinates,
 * loaded from {@code enrichment/gazetteer.tsv}, plus aliases, one-character abbreviations and masks from
 * {@code enrichment/place-aliases.tsv}. Immutable once loaded.
 */
final class Gazetteer {

    static final String GAZETTEER = "/enrichment/gazetteer.tsv";

    static final String ALIASES = "/enrichment/place-aliases.tsv";

    private static final Set<String> PROVINCE_TYPES = Set.of("province", "municipality");

    private static final Set<String> CITY_TYPES = Set.of("municipality", "city", "prefecture", "autonomous-prefecture",
            "league");

    /**
     * One place of the gazetteer.
     *
     * @param type         {@code province}, {@code municipality}, {@code city}, {@code prefecture},
     *                     {@code autonomous-prefecture} or {@code league}
     * @param name         full official name
     * @param shortNames   short forms matched in text
     * @param province     full name of its province-level division
     * @param provinceCode ISO 3166-2 code of that division
     * @param location     city seat, or capital for a province
     */
    record Entry(String type, String name, List<String> shortNames, String province, String provinceCode,
            GeoPoint location) {

        /** A prefecture-level division or a municipality: it has a city in its {@link Place}. */
        boolean isCity() {
            return CITY_TYPES.contains(type);
        }

        boolean isProvince() {
            return PROVINCE_TYPES.contains(type);
        }

        Place place() {
            return new Place(province, provinceCode, isCity() ? name : null, location);
        }

        /**
         * The name's hash (names are unique in the gazetteer; equal entries have equal names, so this agrees with
         * the record's equality): the record's own hash combines every field, its short names and coordinates too,
         * and places count and deduplicate entries in hash maps once per mention.
         */
        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** What a matched piece of text means. */
    record Term(Entry entry, boolean shortForm) {

        /** A mask: text that contains a place name but means something else. */
        static final Term MASK = new Term(null, false);

        boolean isMask() {
            return entry == null;
        }
    }

    /** A one-character abbreviation and where it may be used. */
    record Abbreviation(char character, Entry entry, boolean inLists, boolean afterVerb) {
    }

    private final List<Entry> entries;

    private final Map<String, Entry> byName;

    private final Map<String, Term> terms;

    private final Map<Character, Abbreviation> abbreviations;

    private Gazetteer(List<Entry> entries, Map<String, Entry> byName, Map<String, Term> terms,
            Map<Character, Abbreviation> abbreviations) {
        this.entries = List.copyOf(entries);
        this.byName = Collections.unmodifiableMap(byName);
        this.terms = Collections.unmodifiableMap(terms);
        this.abbreviations = Collections.unmodifiableMap(abbreviations);
    }

    static Gazetteer load() {
        List<TsvResource.Row> rows = TsvResource.read(GAZETTEER, 7, 7);
        Map<String, String> provinceCodes = new HashMap<>();
        for (TsvResource.Row row : rows) {
            if (PROVINCE_TYPES.contains(row.cell(0))) {
                if (provinceCodes.put(row.cell(1), row.cell(4)) != null) {
                    throw row.error("duplicate province");
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Term> terms = new LinkedHashMap<>();
        for (TsvResource.Row row : rows) {
            String type = row.cell(0);
            if (!PROVINCE_TYPES.contains(type) && !CITY_TYPES.contains(type)) {
                throw row.error("unknown type '" + type + "'");
            }
            String code = provinceCodes.get(row.cell(3));
            if (code == null) {
                throw row.error("unknown province '" + row.cell(3) + "'");
            }
            List<String> shortNames = "-".equals(row.cell(2)) ? List.of() : List.of(row.cell(2).split(","));
            Entry entry = new Entry(type, row.cell(1), shortNames, row.cell(3), code,
                    new GeoPoint(number(row, 5), number(row, 6)));
            entries.add(entry);
            addTerm(terms, row, entry.name(), new Term(entry, false));
            for (String shortName : shortNames) {
                addTerm(terms, row, shortName, new Term(entry, true));
            }
        }
        Map<String, Entry> byName = new HashMap<>();
        entries.forEach(entry -> byName.put(entry.name(), entry));
        Map<Character, Abbreviation> abbreviations = new HashMap<>();
        for (TsvResource.Row row : TsvResource.read(ALIASES, 3, 4)) {
            String kind = row.cell(0);
            String text = row.cell(1);
            switch (kind) {
                case "mask" -> addTerm(terms, row, text, Term.MASK);
                case "alias" -> addTerm(terms, row, text, new Term(target(byName, row), true));
                case "abbr" -> {
                    if (text.length() != 1 || row.cells().size() < 4) {
                        throw row.error("an abbreviation is one character followed by its contexts");
                    }
                    List<String> contexts = List.of(row.cell(3).split(","));
                    if (!Set.of("list", "after-verb").containsAll(contexts)) {
                        throw row.error("unknown abbreviation context");
                    }
                    Abbreviation abbreviation = new Abbreviation(text.charAt(0), target(byName, row),
                            contexts.contains("list"), contexts.contains("after-verb"));
                    if (abbreviations.put(text.charAt(0), abbreviation) != null) {
                        throw row.error("duplicate abbreviation");
                    }
                }
                default -> throw row.error("unknown kind '" + kind + "'");
            }
        }
        return new Gazetteer(entries, byName, terms, abbreviations);
    }

    List<Entry> entries() {
        return entries;
    }

    Entry byName(String name) {
        return byName.get(name);
    }

    /** Every name, short name, alias and mask, for the {@link TermScanner}. */
    Map<String, Term> terms() {
        return terms;
    }

    Abbreviation abbreviation(char c) {
        return abbreviations.get(c);
    }

    private static Entry target(Map<String, Entry> byName, TsvResource.Row row) {
        Entry target = byName.get(row.cell(2));
        if (target == null) {
            throw row.error("unknown target '" + row.cell(2) + "'");
        }
        return target;
    }

    private static void addTerm(Map<String, Term> terms, TsvResource.Row row, String text, Term term) {
        if (text.isEmpty()) {
            throw row.error("empty name");
        }
        if (terms.putIfAbsent(text, term) != null) {
            throw row.error("'" + text + "' is listed twice");
        }
    }

    private static double number(TsvResource.Row row, int column) {
        try {
            return Double.parseDouble(row.cell(column));
        }
        catch (NumberFormatException ex) {
            throw row.error("column " + (column + 1) + " is not a number");
        }
    }
}
