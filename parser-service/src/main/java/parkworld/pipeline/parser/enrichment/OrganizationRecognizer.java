package parkworld.pipeline.parser.enrichment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import parkworld.pipeline.contract.ArticleExtracted.Organization;
import parkworld.pipeline.parser.enrichment.OrganizationTerms.Kind;
import parkworld.pipeline.parser.enrichment.OrganizationTerms.Name;
import parkworld.pipeline.parser.enrichment.OrganizationTerms.WordList;

/**
 * Finds the companies, institutions, government bodies and parks an article names, with their role. Three sources:
 * names ending with a known suffix ({@code 有限公司}, {@code 集团}, {@code 大学}, {@code 管委会}, {@code 产业园} ...),
 * extended to the left over HanLP's words up to a stop word; organization names HanLP recognizes in the title and
 * lead (brands without a suffix, such as {@code 鹏辉能源}), trimmed of descriptors and filtered; and the brand a title
 * starts with ({@code 欧普照明华南总部基地…}). Rules, their measured quality and limits:
 * {@code parser-service/ENRICHMENT.md}. Immutable and thread-safe: HanLP's models are loaded once per JVM, and a
 * segmenter, which is cheap, is created per call.
 */
final class OrganizationRecognizer {

    /** Longer "names" are sentences the left walk failed to cut. */
    private static final int MAX_NAME = 30;

    /** How far back a bracket may open: {@code （中国）}, {@code （集团）}, {@code （天津）}. */
    private static final int MAX_BRACKET = 8;

    private static final String DELIMITERS = " \t\n\r，。、；：！？“”‘’\"《》「」·—…,.;:!?";

    private static final String ADMINISTRATIVE = "区县镇市省";

    private static final Set<String> FRAGMENT_NATURES = Set.of("ag", "b", "bg", "g", "tg", "dg", "ng", "vg");

    /** Word classes that never belong to a name: prepositions, conjunctions, particles, punctuation, pronouns. */
    private static final List<String> STOP_NATURE_PREFIXES = List.of("p", "c", "u", "w", "r", "q");

    /** Adverbs and time words end a name when they are words (正式, 共同, 日前), not single characters (胡/d in 胡润). */
    private static final Set<String> STOP_WORD_NATURES = Set.of("d", "ad", "t", "vshi", "vyou", "y", "e", "o");

    /** Dictionary words that may still be brands: organization names, other proper nouns, abbreviations (南航). */
    private static final List<String> BRAND_NATURE_PREFIXES = List.of("nt", "nz", "j");

    /** A title's brand is cut at an industry word only from this position on: 中景石化 is a brand, 中景 a word. */
    private static final int MIN_BRAND_BEFORE_INDUSTRY = 3;

    /** Cues in the clause of a company's first mention (outside the title): co-builders invest, counterparts partner. */
    /**
     * Verbs that end the left walk from a park's suffix only: {@code 肥西县建设新能源汽车零部件产业园} is a county
     * building a park, not a park's name, while a company's name may hold them ({@code 中国化学工程第三建设有限公司}).
     */
    private static final Set<String> PARK_STOPS = Set.of("建设", "投建", "共建", "筹建");

    /** Legal forms that a group's name may be followed by and still name the same company. */
    private static final List<String> LEGAL_FORMS = List.of("有限公司", "股份有限公司", "有限责任公司");

    private static final List<String> JOINT_CUES = List.of("共同", "联合", "三方");

    private static final List<String> PARTNER_CUES = List.of("与", "引进", "依托", "借助");

    /** Time words and adverbs between a government and its 与 (compiled once, not per name as replaceAll does). */
    private static final Pattern TRAILING_ADVERBS = Pattern.compile("(日前|近日|此前|正式|还|也|已)+$");

    private static final String CLAUSE_ENDS = "，。；\n";

    private static final List<String> INVESTOR_CUES = List.of("投资", "出资", "落户", "入驻", "建设", "开业", "投产",
            "签约", "签署", "签订", "运营", "成立", "总部", "工厂", "基地");

    private final OrganizationTerms terms;

    private final TermScanner<Boolean> places;

    private final TermScanner<Boolean> notSpecific;

    private final TermScanner<Boolean> industryWords;

    OrganizationRecognizer(OrganizationTerms terms, Gazetteer gazetteer, IndustryTaxonomy industries) {
        this.terms = terms;
        Map<String, Boolean> placeNames = new LinkedHashMap<>();
        gazetteer.terms().forEach((text, term) -> placeNames.put(text, term != Gazetteer.Term.MASK));
        this.places = new TermScanner<>(placeNames);
        Map<String, Boolean> generic = new LinkedHashMap<>();
        terms.words(WordList.GENERIC).forEach(w -> generic.put(w, true));
        industries.keywords().keySet().forEach(w -> generic.putIfAbsent(w, true));
        this.notSpecific = new TermScanner<>(generic);
        Map<String, Boolean> industryKeywords = new LinkedHashMap<>();
        industries.keywords().forEach((w, category) -> industryKeywords.put(w, category != IndustryTaxonomy.Category.MASK));
        this.industryWords = new TermScanner<>(industryKeywords);
        Models.load();
    }

    /** A name found at {@code [start, end)} of the article text. */
    private record Candidate(int start, int end, String name, Kind kind, boolean suffixed) {
    }

    /**
     * The organizations of one article, each once, in order of first mention.
     *
     * @param title the title
     * @param lead  the lead, may be empty
     * @param body  the body without its source attribution (the source is not what the article is about)
     * @param policy whether the article reports a policy: then nobody in it invests, companies and institutions
     *               are {@code other}
     */
    List<Organization> recognize(String title, String lead, String body, boolean policy) {
        String text = title + "\n" + lead + "\n" + body;
        int titleEnd = title.length();
        List<Candidate> found = new ArrayList<>(suffixed(text));
        // a lead that repeats the title (…签约仪式在中山举行。) holds no other name: HanLP reads the title only
        boolean repeatsTitle = lead.isEmpty() || lead.startsWith(title);
        found.addAll(recognized(text, repeatsTitle ? titleEnd : titleEnd + 1 + lead.length()));
        Candidate brand = titleBrand(title, 0);
        if (brand != null) {
            found.add(brand);
        }
        int of = title.indexOf('的');
        Candidate afterOf = (of > 0) ? titleBrand(title, of + 1) : null; // 总投资521亿元的中海壳牌惠州三期乙烯项目
        if (afterOf != null) {
            found.add(afterOf);
        }
        return merged(found, text, titleEnd, policy);
    }

    // ---- names ending with a suffix

    private List<Candidate> suffixed(String text) {
        List<Candidate> accepted = new ArrayList<>();
        // An article names the same organization again and again (title, lead, body: a third of the clauses
        // segmented on large-500 were repeats within their article); HanLP gives the same words for the same
        // clause, so each distinct clause is segmented once per article.
        Map<String, List<Term>> segmented = new HashMap<>();
        Segment segment = Models.words();
        Function<String, List<Term>> words = clause -> segmented.computeIfAbsent(clause, segment::seg);
        for (TermScanner.Hit<Name> hit : this.terms.names().scan(text)) {
            Name name = hit.value();
            if (name.kind() == Kind.MASK) {
                continue;
            }
            if (name.whole()) {
                accepted.add(new Candidate(hit.start(), hit.end(), text.substring(hit.start(), hit.end()),
                        name.kind(), true));
                continue;
            }
            if (name.kind() == Kind.PARK && startsProjectName(text, hit.end())) {
                continue; // 深圳科技园湾西国际食品谷项目: the park's name begins a project's name
            }
            int start = leftBoundary(text, hit.start(), accepted, words, name.kind());
            List<Candidate> absorbed = accepted.stream().filter(c -> c.start() >= start && c.end() <= hit.start())
                    .toList();
            if (name.kind() == Kind.PARK && absorbed.stream().anyMatch(c -> c.kind() == Kind.INSTITUTION)) {
                continue; // 华中科技大学国际教育科技创新园区: a university's 园区 is its campus, not a park
            }
            String core = text.substring(start, hit.start());
            if (core.isEmpty() || hit.end() - start > MAX_NAME || !specific(core)) {
                continue;
            }
            // the name absorbs an accepted one that ends where it starts (北京经开区 + 国家信创园): not separate
            accepted.removeAll(absorbed);
            accepted.add(new Candidate(start, hit.end(), text.substring(start, hit.end()), name.kind(), true));
        }
        return accepted;
    }

    /** Whether the text after a park's suffix runs on, without a stop, into {@code …项目}. */
    private static boolean startsProjectName(String text, int suffixEnd) {
        int project = text.indexOf("项目", suffixEnd);
        if (project <= suffixEnd + 1 || project - suffixEnd > MAX_BRACKET) {
            return false;
        }
        for (int i = suffixEnd; i < project; i++) {
            if (isDelimiter(text.charAt(i)) || "在于与和及由是的为将".indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Where the name that ends with the suffix at {@code suffixStart} begins. */
    private int leftBoundary(String text, int suffixStart, List<Candidate> accepted,
            Function<String, List<Term>> segment, Kind kind) {
        int pos = suffixStart;
        while (pos > 0) {
            char before = text.charAt(pos - 1);
            if (before == ')' || before == '）') {
                int open = openingBracket(text, pos - 1);
                if (open < 0) {
                    return pos;
                }
                pos = open;
                continue;
            }
            Candidate adjacent = endingAt(accepted, pos);
            if (adjacent != null) {
                pos = adjacent.start();
                continue;
            }
            int clauseStart = pos;
            while (clauseStart > 0 && pos - clauseStart < MAX_NAME && !isDelimiter(text.charAt(clauseStart - 1))
                    && text.charAt(clauseStart - 1) != ')' && text.charAt(clauseStart - 1) != '）'
                    && endingAt(accepted, clauseStart) == null) {
                clauseStart--;
            }
            if (clauseStart == pos) {
                return pos;
            }
            List<Term> words = segment.apply(text.substring(clauseStart, pos));
            int start = pos;
            for (int i = words.size() - 1; i >= 0; i--) {
                Term word = words.get(i);
                if (isStop(word) || kind == Kind.PARK && PARK_STOPS.contains(word.word)) {
                    return start;
                }
                start -= word.word.length();
            }
            pos = clauseStart;
        }
        return pos;
    }

    private static int openingBracket(String text, int closing) {
        for (int i = closing - 1; i >= 0 && closing - i <= MAX_BRACKET; i--) {
            char c = text.charAt(i);
            if (c == '(' || c == '（') {
                return (i < closing - 1) ? i : -1;
            }
            if (isDelimiter(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static Candidate endingAt(List<Candidate> accepted, int pos) {
        for (Candidate c : accepted) {
            if (c.end() == pos) {
                return c;
            }
        }
        return null;
    }

    private boolean isStop(Term word) {
        if (this.terms.contains(WordList.STOP, word.word)) {
            return true;
        }
        String nature = String.valueOf(word.nature);
        if (nature.startsWith("m") && word.word.chars().allMatch(c -> c < 128)) {
            return true;
        }
        if (STOP_WORD_NATURES.contains(nature)) {
            return word.word.length() > 1;
        }
        for (String prefix : STOP_NATURE_PREFIXES) {
            if (nature.startsWith(prefix)) {
                return !(nature.equals("w") && (word.word.equals("（") || word.word.equals("(")
                        || word.word.equals("）") || word.word.equals(")")));
            }
        }
        return false;
    }

    private static boolean isDelimiter(char c) {
        return DELIMITERS.indexOf(c) >= 0 || c == '(' || c == '（';
    }

    /** A name part is specific when something is left once generic words and industry keywords are removed. */
    private boolean specific(String core) {
        int generic = 0;
        for (TermScanner.Hit<Boolean> hit : this.notSpecific.scan(core)) {
            generic += hit.end() - hit.start();
        }
        int letters = 0;
        for (int i = 0; i < core.length(); i++) {
            if (Character.isLetter(core.charAt(i))) {
                letters++;
            }
        }
        return letters - generic >= 1 && letters >= 2;
    }

    // ---- names HanLP recognizes, in title and lead

    private List<Candidate> recognized(String text, int end) {
        List<Candidate> found = new ArrayList<>();
        List<Term> words = Models.organizations().seg(text.substring(0, end));
        for (int i = 0; i < words.size(); i++) {
            Term word = words.get(i);
            if (!String.valueOf(word.nature).startsWith("nt")) {
                continue;
            }
            if (i > 0 && words.get(i - 1).word.length() == 1
                    && FRAGMENT_NATURES.contains(String.valueOf(words.get(i - 1).nature))) {
                continue; // HanLP cut a name in the middle (晶/澳宁晋智造基地)
            }
            String brand = withoutDescriptors(word.word);
            if (brand.length() < 3 || endsWithName(brand) || endsWithEvent(brand) || !brandLike(brand)
                    || this.terms.contains(WordList.DESCRIPTOR, brand)) {
                continue;
            }
            int start = word.offset;
            found.add(new Candidate(start, start + brand.length(), brand, Kind.COMPANY, false));
        }
        return found;
    }

    /** The name the title has at {@code from}, before a descriptor, a place or an industry word. */
    private Candidate titleBrand(String title, int from) {
        String rest = title.substring(from);
        List<TermScanner.Hit<Boolean>> industryHits = this.industryWords.scan(rest);
        if (firstHit(industryHits, 1, 0) == 0) {
            return null; // 储能电池头部企业…, 食品谷项目: an industry word, not a brand
        }
        int end = firstHit(this.terms.descriptors().scan(rest), rest.length(), 0);
        end = firstHit(this.places.scan(rest), end, 0);
        end = firstHit(industryHits, end, MIN_BRAND_BEFORE_INDUSTRY);
        String brand = withoutTrailingFunctionWord(rest.substring(0, end));
        // a brand is followed by what it does or where (方案印发 is followed by nothing: no brand)
        if (end == rest.length() || brand.length() < 2 || brand.length() > 6
                || !brand.chars().allMatch(Character::isLetter) || brand.startsWith("第") || endsWithName(brand)
                || containsStopWord(brand) || !brandLike(brand)) {
            return null;
        }
        return new Candidate(from, from + end, brand, Kind.COMPANY, false);
    }

    /** A title's brand cut before a place keeps the function word before it (比亚迪与|合肥市): cut off. */
    private String withoutTrailingFunctionWord(String term) {
        if (term.length() > 1) {
            String last = term.substring(term.length() - 1);
            if (this.terms.words(WordList.STOP).contains(last)) {
                return term.substring(0, term.length() - 1);
            }
        }
        return term;
    }

    private boolean containsStopWord(String brand) {
        return this.terms.words(WordList.STOP).stream().anyMatch(w -> w.length() > 1 && brand.contains(w));
    }

    /** The start of the first hit at or after {@code minStart}, or {@code end} when it is earlier. */
    private static int firstHit(List<? extends TermScanner.Hit<?>> hits, int end, int minStart) {
        for (TermScanner.Hit<?> hit : hits) {
            if (hit.start() >= minStart && !Boolean.FALSE.equals(hit.value())) {
                return Math.min(end, hit.start());
            }
        }
        return end;
    }

    private String withoutDescriptors(String word) {
        String name = word;
        boolean trimmed = true;
        while (trimmed && !name.isEmpty()) {
            trimmed = false;
            for (TermScanner.Hit<WordList> hit : this.terms.descriptors().scan(name)) {
                if (hit.end() == name.length() && hit.start() > 0) {
                    name = name.substring(0, hit.start());
                    trimmed = true;
                }
            }
            List<TermScanner.Hit<Boolean>> placeHits = this.places.scan(name);
            if (!placeHits.isEmpty()) {
                TermScanner.Hit<Boolean> last = placeHits.get(placeHits.size() - 1);
                if (last.value() && last.end() == name.length() && last.start() > 0) {
                    name = name.substring(0, last.start());
                    trimmed = true;
                }
            }
        }
        return name;
    }

    /**
     * A brand: no administrative word, no place at its start, something specific in it, and not a common word of
     * HanLP's dictionary (照明, 扩产).
     */
    private boolean brandLike(String brand) {
        for (char c : ADMINISTRATIVE.toCharArray()) {
            if (brand.indexOf(c) >= 0) {
                return false;
            }
        }
        List<TermScanner.Hit<Boolean>> placeHits = this.places.scan(brand);
        if (!placeHits.isEmpty() && placeHits.get(0).start() == 0 && placeHits.get(0).value()) {
            return false;
        }
        if (!specific(brand)) {
            return false;
        }
        CoreDictionary.Attribute attribute = CoreDictionary.get(brand);
        return attribute == null || BRAND_NATURE_PREFIXES.stream().anyMatch(String.valueOf(attribute.nature[0])::startsWith);
    }

    private boolean endsWithName(String name) {
        List<TermScanner.Hit<Name>> hits = this.terms.names().scan(name);
        return !hits.isEmpty() && hits.get(hits.size() - 1).end() == name.length()
                && hits.get(hits.size() - 1).value().kind() != Kind.MASK;
    }

    private boolean endsWithEvent(String name) {
        for (String event : this.terms.words(WordList.EVENT)) {
            if (name.endsWith(event)) {
                return true;
            }
        }
        return false;
    }

    // ---- one entry per organization, with a role

    private List<Organization> merged(List<Candidate> found, String text, int titleEnd, boolean policy) {
        Map<String, Candidate> first = new LinkedHashMap<>();
        found.stream().sorted((a, b) -> Integer.compare(a.start(), b.start()))
                .forEach(c -> first.putIfAbsent(c.name(), c));
        List<Candidate> distinct = new ArrayList<>(first.values());
        Map<String, Boolean> inTitle = new LinkedHashMap<>();
        String title = title(text, titleEnd);
        distinct.forEach(c -> inTitle.put(c.name(), title.contains(c.name())));
        Map<String, Integer> firstMention = new LinkedHashMap<>();
        distinct.forEach(c -> firstMention.put(c.name(), c.start()));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate shorter : distinct) {
            Candidate longer = containing(distinct, shorter);
            if (longer == null) {
                kept.add(shorter);
                continue;
            }
            // 西门子 in the title, 西门子(中国)有限公司 in the body: the full name is mentioned first, in the title
            firstMention.merge(longer.name(), shorter.start(), Math::min);
            if (inTitle.get(shorter.name())) {
                inTitle.put(longer.name(), true);
            }
        }
        kept.sort((a, b) -> Integer.compare(firstMention.get(a.name()), firstMention.get(b.name())));
        List<Organization> organizations = new ArrayList<>();
        for (Candidate c : kept) {
            organizations.add(new Organization(c.name(), role(c, text, inTitle.get(c.name()), policy)));
        }
        return organizations;
    }

    private static String title(String text, int titleEnd) {
        return text.substring(0, titleEnd);
    }

    /**
     * The longer name of the same kind that stands for the same organization: one that ends with this park's name
     * (吴中区航空航天产业园, 航空航天产业园), or any that contains this short name (西门子, 西门子(中国)有限公司). A
     * full name inside a longer one is another organization (扬子江药业集团, 扬子江药业集团上海海尼药业有限公司).
     */
    private static Candidate containing(List<Candidate> all, Candidate shorter) {
        for (Candidate longer : all) {
            if (longer != shorter && longer.kind() == shorter.kind() && longer.name().length() > shorter.name().length()
                    && longer.name().contains(shorter.name())
                    && (!shorter.suffixed() || longer.name().endsWith(shorter.name())
                            || sameCompanyWithLegalForm(shorter.name(), longer.name()))) {
                return longer;
            }
        }
        return null;
    }

    /** 中国船舶集团 and 中国船舶集团有限公司: the same company, once with its legal form. */
    private static boolean sameCompanyWithLegalForm(String shorter, String longer) {
        return longer.startsWith(shorter) && LEGAL_FORMS.contains(longer.substring(shorter.length()));
    }

    /**
     * The role, from the kind of name and the first mention's clause (the name itself left out: 苏阜发展合作开发有限公司
     * is no cue for 合作): in the title, or building jointly (共同, 联合), the company invests; named after 与, 引进,
     * 依托, 借助 (or as a 平台) it is the investor's counterpart; in a clause about investing, settling, building,
     * opening or producing it invests; otherwise it is only mentioned.
     */
    private static String role(Candidate c, String text, boolean inTitle, boolean policy) {
        if (c.kind() == Kind.GOVERNMENT) {
            return "government";
        }
        if (c.kind() == Kind.PARK) {
            return "park";
        }
        if (policy) {
            return "other";
        }
        if (inTitle) {
            return "investor";
        }
        String before = clauseBefore(text, c.start());
        String after = clauseAfter(text, c.end());
        String clause = before + after;
        if (JOINT_CUES.stream().anyMatch(clause::contains)) {
            return "investor";
        }
        boolean investsWithGovernment = c.kind() == Kind.COMPANY && !clause.contains("战略合作")
                && governmentCounterpart(before);
        if (PARTNER_CUES.stream().anyMatch(before::contains) && !investsWithGovernment || after.contains("平台")) {
            return "partner";
        }
        return INVESTOR_CUES.stream().anyMatch(clause::contains) ? "investor" : "other";
    }

    /**
     * Whether the one a company is named with is a place, i.e. its government ({@code 城阳区日前与…鹏辉能源签署},
     * {@code 肥西县与招商检测签署}): a government's counterpart in anything but a strategic cooperation (战略合作) is
     * the investor; a university or institute stays a partner.
     */
    private static boolean governmentCounterpart(String before) {
        int with = before.lastIndexOf('与');
        if (with <= 0) {
            return false;
        }
        String subject = TRAILING_ADVERBS.matcher(before.substring(0, with)).replaceAll("");
        return !subject.isEmpty() && ADMINISTRATIVE.indexOf(subject.charAt(subject.length() - 1)) >= 0;
    }

    private static String clauseBefore(String text, int start) {
        int from = start;
        while (from > 0 && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return text.substring(from, start);
    }

    private static String clauseAfter(String text, int end) {
        int to = end;
        while (to < text.length() && CLAUSE_ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return text.substring(end, to);
    }

    /**
     * HanLP's dictionaries and models, loaded once per JVM (about 0.4 s and 37 MB of heap) by the class initializer,
     * which the JVM runs exactly once, thread-safely. Segmenters are created per call: they are cheap (under a
     * microsecond) and then never shared between threads.
     */
    private static final class Models {

        static {
            // person-name recognition is off: it costs time and turns brand characters into surnames
            HanLP.newSegment().enableNameRecognize(false).enableOrganizationRecognize(true).seg("鹏辉能源签署投资协议");
        }

        static void load() {
            // runs the class initializer
        }

        static Segment words() {
            return HanLP.newSegment().enableNameRecognize(false);
        }

        static Segment organizations() {
            return HanLP.newSegment().enableNameRecognize(false).enableOrganizationRecognize(true).enableOffset(true);
        }
    }
}
