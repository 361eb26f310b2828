package parkworld.pipeline.parser.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import parkworld.pipeline.parser.fixtures.IssuePdf;

/**
 * Articles of the fixture issue as its expected structure ({@code fixtures/issue-121.expected.json}) states them,
 * for tests that lay the same content out differently.
 *
 * @param ordinal position in the fixture issue
 * @param section section name
 * @param title title as printed
 * @param lead lead, "" if none
 * @param body body paragraphs separated by {@code \n}, markers removed
 * @param sourceName source at the end of the body
 * @param page printed page in the fixture
 */
record FixtureArticles(int ordinal, String section, String title, String lead, String body, String sourceName,
        int page) {

    private static final List<FixtureArticles> ALL = load();

    /** The fixture articles with these ordinals, in issue order. */
    static List<FixtureArticles> of(int... ordinals) {
        List<FixtureArticles> chosen = new ArrayList<>();
        for (int ordinal : ordinals) {
            chosen.add(ALL.get(ordinal - 1));
        }
        return chosen;
    }

    /** Prints the article on the page as the issue does: {@code ●} title, lead, {@code ■} body paragraphs. */
    IssuePdf.Page printOn(IssuePdf.Page page) {
        page.title("●" + this.title);
        if (!this.lead.isEmpty()) {
            page.lead(this.lead);
        }
        for (String paragraph : this.body.split("\n")) {
            page.body("■" + paragraph);
        }
        return page;
    }

    private static List<FixtureArticles> load() {
        try (InputStream in = FixtureArticles.class.getResourceAsStream("/fixtures/issue-121.expected.json")) {
            JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(in, "fixture expected structure"));
            List<FixtureArticles> articles = new ArrayList<>();
            root.get("articles").forEach((a) -> articles.add(new FixtureArticles(a.get("ordinal").asInt(),
                    a.get("section").asString(), a.get("title").asString(), a.get("lead").asString(),
                    a.get("body").asString(), a.get("sourceName").asString(), a.get("page").asInt())));
            return List.copyOf(articles);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
