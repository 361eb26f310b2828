package parkworld.pipeline.parser.enrichment;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The terms of {@code enrichment/organization-terms.tsv}, one {@link TermScanner} per purpose: suffixes and whole
 * names of organizations, and the word lists that bound, trim and reject candidate names.
 */
final class OrganizationTerms {

    static final String RESOURCE = "/enrichment/organization-terms.tsv";

    /** What kind of organization a suffix or whole name gives; {@link #MASK} hides a suffix inside another word. */
    enum Kind {
        COMPANY, INSTITUTION, GOVERNMENT, PARK, MASK
    }

    /** A suffix or whole name and its kind. */
    record Name(Kind kind, boolean whole) {
    }

    /** Word lists other than names. */
    enum WordList {
        DESCRIPTOR, EVENT, GENERIC, STOP
    }

    private final TermScanner<Name> names;

    private final Map<WordList, java.util.Set<String>> words;

    private final TermScanner<WordList> generic;

    private final TermScanner<WordList> descriptors;

    private OrganizationTerms(Map<String, Name> names, Map<WordList, java.util.Set<String>> words) {
        this.names = new TermScanner<>(names);
        this.words = words;
        Map<String, WordList> genericTerms = new LinkedHashMap<>();
        words.get(WordList.GENERIC).forEach(w -> genericTerms.put(w, WordList.GENERIC));
        this.generic = new TermScanner<>(genericTerms);
        Map<String, WordList> descriptorTerms = new LinkedHashMap<>();
        words.get(WordList.DESCRIPTOR).forEach(w -> descriptorTerms.put(w, WordList.DESCRIPTOR));
        this.descriptors = new TermScanner<>(descriptorTerms);
    }

    static OrganizationTerms load() {
        Map<String, Name> names = new LinkedHashMap<>();
        Map<WordList, java.util.Set<String>> words = new EnumMap<>(WordList.class);
        for (WordList list : WordList.values()) {
            words.put(list, new java.util.LinkedHashSet<>());
        }
        for (TsvResource.Row row : TsvResource.read(RESOURCE, 2, 2)) {
            String kind = row.cell(0);
            String term = row.cell(1);
            if (term.isEmpty()) {
                throw row.error("empty term");
            }
            Name name = switch (kind) {
                case "company", "institution", "government", "park", "mask" ->
                    new Name(Kind.valueOf(kind.toUpperCase(Locale.ROOT)), false);
                case "government-name" -> new Name(Kind.GOVERNMENT, true);
                default -> null;
            };
            if (name != null) {
                if (names.putIfAbsent(term, name) != null) {
                    throw row.error("duplicate name term '" + term + "'");
                }
                continue;
            }
            WordList list;
            try {
                list = WordList.valueOf(kind.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw row.error("unknown kind '" + kind + "'");
            }
            if (!words.get(list).add(term)) {
                throw row.error("duplicate " + kind + " '" + term + "'");
            }
        }
        return new OrganizationTerms(names, words);
    }

    TermScanner<Name> names() {
        return this.names;
    }

    boolean contains(WordList list, String word) {
        return this.words.get(list).contains(word);
    }

    java.util.Set<String> words(WordList list) {
        return this.words.get(list);
    }

    /** Generic words found in the text, for {@link OrganizationRecognizer}'s check that a name is specific. */
    TermScanner<WordList> generic() {
        return this.generic;
    }

    TermScanner<WordList> descriptors() {
        return this.descriptors;
    }
}
