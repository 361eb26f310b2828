package parkworld.pipeline.parser.enrichment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import parkworld.pipeline.contract.ArticleExtracted.Organization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Organizations found, scored against a hand-labelled gold (ENRICHMENT.md, "Gold"): each found name is matched to one
 * not yet matched gold organization that has it as its name or one of its aliases, so a second printed form of the
 * same organization counts as a false positive. The one scorer of every gold test.
 */
record OrganizationScore(int truePositives, int predicted, int expected, int rolesRight, String errors) {

    double precision() {
        return this.predicted == 0 ? 0 : (double) this.truePositives / this.predicted;
    }

    double recall() {
        return this.expected == 0 ? 0 : (double) this.truePositives / this.expected;
    }

    /** One line of figures, then every error, one per line. */
    String report(String goldName) {
        return String.format(Locale.ROOT,
                "organizations on the %s gold: precision %.3f (%d/%d), recall %.3f (%d/%d), roles right %d of %d found%n%s",
                goldName, precision(), this.truePositives, this.predicted, recall(), this.truePositives,
                this.expected, this.rolesRight, this.truePositives, this.errors);
    }

    /**
     * Scores the organizations found per article against the gold's, both in article order.
     * @param found the organizations enriched from each article
     * @param gold the gold's {@code articles}, each with {@code ordinal} and {@code organizations}
     */
    static OrganizationScore of(List<List<Organization>> found, List<JsonNode> gold) {
        if (found.size() != gold.size()) {
            throw new IllegalArgumentException(found.size() + " articles enriched, " + gold.size() + " in the gold");
        }
        int truePositives = 0;
        int predicted = 0;
        int expected = 0;
        int rolesRight = 0;
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < gold.size(); i++) {
            int ordinal = gold.get(i).get("ordinal").asInt();
            if (ordinal != i + 1) {
                throw new IllegalArgumentException("gold article " + (i + 1) + " has ordinal " + ordinal);
            }
            List<GoldOrganization> remaining = goldOrganizations(gold.get(i));
            expected += remaining.size();
            for (Organization organization : found.get(i)) {
                predicted++;
                GoldOrganization match = remaining.stream().filter((g) -> g.names().contains(organization.name()))
                        .findFirst().orElse(null);
                if (match == null) {
                    errors.append(String.format("  #%d false positive: %s (%s)%n", ordinal, organization.name(),
                            organization.role()));
                    continue;
                }
                remaining.remove(match);
                truePositives++;
                if (match.role().equals(organization.role())) {
                    rolesRight++;
                }
                else {
                    errors.append(String.format("  #%d role: %s is %s, found %s%n", ordinal, organization.name(),
                            match.role(), organization.role()));
                }
            }
            for (GoldOrganization missed : remaining) {
                errors.append(String.format("  #%d missed: %s%n", ordinal, missed.names()));
            }
        }
        return new OrganizationScore(truePositives, predicted, expected, rolesRight, errors.toString());
    }

    /** The {@code articles} array of a JSON test resource. */
    static List<JsonNode> articles(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(OrganizationScore.class.getResourceAsStream(resource), resource)) {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(in).get("articles").forEach(list::add);
            return list;
        }
    }

    /** One gold organization: its name and the other forms the article prints. */
    private record GoldOrganization(Set<String> names, String role) {
    }

    private static List<GoldOrganization> goldOrganizations(JsonNode article) {
        List<GoldOrganization> list = new ArrayList<>();
        for (JsonNode o : article.get("organizations")) {
            Set<String> names = new HashSet<>(Set.of(o.get("name").asString()));
            if (o.has("aliases")) {
                o.get("aliases").forEach((alias) -> names.add(alias.asString()));
            }
            list.add(new GoldOrganization(names, o.get("role").asString()));
        }
        return list;
    }
}
