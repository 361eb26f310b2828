package parkworld.pipeline.parser.enrichment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import parkworld.pipeline.contract.ArticleExtracted.Place;
import parkworld.pipeline.parser.enrichment.Gazetteer.Abbreviation;
import parkworld.pipeline.parser.enrichment.Gazetteer.Entry;
import parkworld.pipeline.parser.enrichment.Gazetteer.Term;

/**
 * Resolves the provinces and prefecture-level cities an article is about, with the {@link Gazetteer}.
 *
 * <p>The source attribution and the title are trusted: every place named there counts, in that order. In lead and
 * body a place counts only when it is mentioned at least twice (under any of its names), because a single mention
 * there is often incidental: a company's home town, a list of other sites, a comparison ({@code 相比从广州出海}).
 * One-character abbreviations are read in titles only.
 *
 * <p>Names are matched leftmost-longest, so {@code 中山市} beats {@code 中山}, {@code 海南州} beats {@code 海南} and
 * masks such as {@code 中山路} or {@code 宁德时代} hide the name inside them. A short name is also ignored when it is
 * part of a street ({@code 延安路}, {@code 中山北路}), of a university ({@code 哈尔滨工业大学}), or, for a city, of a
 * same-named district elsewhere ({@code 中山区} in Dalian, {@code 西安区} in Liaoyuan).
 *
 * <p>A city implies its province; a province alone is dropped once a city of that province is found.
 */
final class PlaceResolver {

    private static final int BODY_MENTIONS = 2;

    /** Characters that introduce a location right before a one-character abbreviation: 在京, 赴沪, 来穗. */
    private static final String LOCATIVE_VERBS = "在来赴抵进驻莅";

    /** First characters of what may follow such an abbreviation: 在京开幕, 在沪举行, 在蓉签约, 来京参加. */
    private static final String VERB_STARTS = "开举召签发落启成揭正设投建首上隆盛顺圆闭亮展会考调参工办";

    /** How far after a place name a {@code 大学} still makes it a university name. */
    private static final int UNIVERSITY_LOOKAHEAD = 7;

    private final TermScanner<Term> scanner;

    private final Gazetteer gazetteer;

    PlaceResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.scanner = new TermScanner<>(gazetteer.terms());
    }

    List<Place> resolve(String sourceName, String title, String leadAndBody) {
        Set<Entry> found = new LinkedHashSet<>();
        found.addAll(names(sourceName));
        found.addAll(titlePlaces(title));
        found.addAll(repeated(names(leadAndBody)));
        Set<String> provincesWithCity = new HashSet<>();
        for (Entry entry : found) {
            if (entry.isCity()) {
                provincesWithCity.add(entry.province());
            }
        }
        List<Place> places = new ArrayList<>();
        for (Entry entry : found) {
            if (entry.isCity() || !provincesWithCity.contains(entry.province())) {
                places.add(entry.place());
            }
        }
        return places;
    }

    /** Places named in {@code text}, one element per mention, in order. */
    private List<Entry> names(String text) {
        List<Entry> names = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return names;
        }
        for (TermScanner.Hit<Term> hit : scanner.scan(text)) {
            if (counts(hit, text)) {
                names.add(hit.value().entry());
            }
        }
        return names;
    }

    private List<Entry> titlePlaces(String title) {
        if (title == null || title.isEmpty()) {
            return List.of();
        }
        // places by position, so that abbreviations interleave with names in reading order
        Map<Integer, Entry> byPosition = new TreeMap<>();
        boolean[] covered = new boolean[title.length()];
        for (TermScanner.Hit<Term> hit : scanner.scan(title)) {
            for (int i = hit.start(); i < hit.end(); i++) {
                covered[i] = true;
            }
            if (counts(hit, title)) {
                byPosition.put(hit.start(), hit.value().entry());
            }
        }
        abbreviations(title, covered, byPosition);
        return new ArrayList<>(byPosition.values());
    }

    /**
     * Adds one-character abbreviations not inside a longer name: runs of two or more distinct ones
     * ({@code 京津冀}, {@code 粤港澳}) and single ones right after a locative verb and before a verb or punctuation
     * ({@code 在京开幕}, not {@code 在京东}).
     */
    private void abbreviations(String title, boolean[] covered, Map<Integer, Entry> byPosition) {
        int i = 0;
        while (i < title.length()) {
            if (covered[i]) {
                i++;
                continue;
            }
            int end = listRunEnd(title, i, covered);
            if (end - i >= 2) {
                for (int j = i; j < end; j++) {
                    byPosition.put(j, gazetteer.abbreviation(title.charAt(j)).entry());
                }
                i = end;
                continue;
            }
            Abbreviation single = gazetteer.abbreviation(title.charAt(i));
            if (single != null && single.afterVerb() && isAfterLocativeVerb(title, i, covered)) {
                byPosition.put(i, single.entry());
            }
            i++;
        }
    }

    /**
     * End of the run of list abbreviations starting at {@code start}; the run is void (its end is {@code start})
     * when a character repeats, as in {@code 津津乐道}.
     */
    private int listRunEnd(String title, int start, boolean[] covered) {
        Set<Character> seen = new HashSet<>();
        int end = start;
        while (end < title.length() && !covered[end] && inLists(title.charAt(end))) {
            if (!seen.add(title.charAt(end))) {
                return start;
            }
            end++;
        }
        return end;
    }

    private boolean inLists(char c) {
        Abbreviation abbreviation = gazetteer.abbreviation(c);
        return abbreviation != null && abbreviation.inLists();
    }

    private static boolean isAfterLocativeVerb(String title, int index, boolean[] covered) {
        if (index == 0 || covered[index - 1] || LOCATIVE_VERBS.indexOf(title.charAt(index - 1)) < 0) {
            return false;
        }
        if (index + 1 == title.length()) {
            return true;
        }
        char next = title.charAt(index + 1);
        return !Character.isLetterOrDigit(next) || VERB_STARTS.indexOf(next) >= 0;
    }

    /** Whether a scanner hit is a place mention rather than a mask, street, university or other district. */
    private static boolean counts(TermScanner.Hit<Term> hit, String text) {
        Term term = hit.value();
        if (term.isMask()) {
            return false;
        }
        if (isUniversity(text, hit.end())) {
            return false;
        }
        if (term.shortForm()) {
            int end = hit.end();
            if (isStreet(text, end)) {
                return false;
            }
            // 中山区 (Dalian), 西安区 (Liaoyuan): a district elsewhere, not the city; 区域 is a region. Provinces are
            // exempt: 广西区 is how Guangxi itself is often written.
            if (term.entry().isCity() && text.startsWith("区", end) && !text.startsWith("区域", end)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStreet(String text, int end) {
        int i = end;
        if (i < text.length() && "东西南北中".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return text.startsWith("路", i) || text.startsWith("大道", i) || text.startsWith("大街", i);
    }

    /** 哈尔滨工业大学, 南京师范大学, 上海财经大学: the name belongs to a university, not to the article's place. */
    private static boolean isUniversity(String text, int end) {
        int limit = Math.min(text.length() - 1, end + UNIVERSITY_LOOKAHEAD);
        for (int i = end; i < limit; i++) {
            if (text.charAt(i) == '大' && text.charAt(i + 1) == '学') {
                return !text.startsWith("大学城", i);
            }
            char c = text.charAt(i);
            if (!Character.isIdeographic(c) || "市区县省镇在与和及的".indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    /** The entries mentioned at least {@link #BODY_MENTIONS} times, in order of first mention. */
    private static List<Entry> repeated(List<Entry> mentions) {
        Map<Entry, Integer> counts = new LinkedHashMap<>();
        mentions.forEach(entry -> counts.merge(entry, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() >= BODY_MENTIONS).map(Map.Entry::getKey).toList();
    }
}
