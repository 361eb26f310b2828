package parkworld.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.localstack.PipelineProgress;
import parkworld.pipeline.localstack.PipelineServices;
import parkworld.pipeline.parser.fixtures.IssuePdf;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * The pipeline scaled out as {@code --scale parser=2,indexer=2} runs it: two parser and two indexer processes, each
 * in its service's consumer group, on topics with the partitions article-contract/asyncapi.yaml gives them, fed two
 * distinct issues (the fixture, and a small issue 122 rendered as the parser's tests render issues).
 */
class ScaledPipelineIT {

    static final IsolatedPipeline NAMES = IsolatedPipeline.named("scaled");
    static final String FETCHED = NAMES.fetched();
    static final String ARTICLES = NAMES.articles();
    static final String PARSER_GROUP = KafkaTopics.unique("scaled-parser");
    static final String INDEXER_GROUP = KafkaTopics.unique("scaled-indexer");
    /** Articles of the fixture (issue-121.expected.json). */
    static final int FIXTURE_ARTICLES = 43;
    static final List<String> ISSUE_122_TITLES = List.of("苏阜产业园区二期正式开工", "长三角储能产业基地签约落户",
            "园区数字化转型试点名单公布");

    static IssueWebsite website;
    static PipelineServices pipeline;
    static KafkaTopics kafka;

    @BeforeAll
    static void startScaledPipeline() throws Exception {
        website = IssueWebsite.start(List.of(IssueWebsite.issue121(),
                new IssueWebsite.ListedIssue("issue-122.pdf", "园区周报 2023年6月1期（总122期）", issue122())));
        kafka = new KafkaTopics(TestInfrastructure.kafkaBootstrapServers());
        pipeline = NAMES.start(website, Map.of("parkworld.parser.instance-id", KafkaTopics.unique("scaled"),
                "spring.cloud.stream.bindings.extractArticles-in-0.group", PARSER_GROUP,
                "spring.cloud.stream.bindings.indexArticles-in-0.group", INDEXER_GROUP,
                "spring.cloud.stream.bindings.replaceIssues-in-0.group", KafkaTopics.unique("scaled-indexer-issues")),
                Map.of("parser-service", 2, "indexer-service", 2));
        pipeline.awaitReady(Duration.ofMinutes(4));
    }

    /** Issue 122: one section, three articles on two pages, listed in its table of contents. */
    private static byte[] issue122() {
        return IssuePdf.issue(122, "2023年6月1期")
            .toc(toc -> toc.section("一、招商引资", 1).title("●" + ISSUE_122_TITLES.get(0), 1)
                .title("●" + ISSUE_122_TITLES.get(1), 1).title("●" + ISSUE_122_TITLES.get(2), 2))
            .page(page -> page.header("园区周报 2023年6月1期").section("一、招商引资")
                .title("●" + ISSUE_122_TITLES.get(0)).lead("6月1日，苏阜产业园区二期项目集中开工。")
                .body("■二期规划面积三平方公里，首批入驻企业十二家，总投资约四十亿元（阜阳日报）。")
                .title("●" + ISSUE_122_TITLES.get(1)).lead("长三角储能产业基地项目在常州签约。")
                .body("■项目总投资一百二十亿元，建成后年产储能电池二十吉瓦时（常州发布）。").footer("1"))
            .page(page -> page.header("园区周报 2023年6月1期")
                .title("●" + ISSUE_122_TITLES.get(2)).lead("省工信厅公布第一批园区数字化转型试点名单。")
                .body("■入选园区将获得专项资金支持，并开展工业互联网平台建设（江苏工信）。").footer("2"))
            .build();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (website != null) {
            website.close();
        }
    }

    @Test
    void twoParsersAndTwoIndexersShareTheWorkAndIndexEveryArticleOnceWithoutDeadLetters() throws Exception {
        await("pipeline settles").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
            .until(() -> pipeline.progress(), p -> p.isSettled() && p.issuesPublished() == 2);
        PipelineProgress progress = pipeline.progress();

        assertThat(pipeline.healthUrls()).as("instances started").containsOnlyKeys("indexer-service",
                "indexer-service-2", "parser-service", "parser-service-2", "ingest-service");
        assertThat(progress.issuesParsed()).as(progress.summary()).isEqualTo(2);
        assertThat(progress.parserDeadLetters()).as("parser dead letters").isEmpty();
        assertThat(progress.indexerDeadLetters()).as("indexer dead letters").isEmpty();
        int articles = FIXTURE_ARTICLES + ISSUE_122_TITLES.size();
        assertThat(progress.articlesExtracted()).as("articles extracted by both parsers").isEqualTo(articles);
        assertThat(kafka.countCommitted(ARTICLES)).as("article records").isEqualTo(articles);
        assertThat(indexedDocuments()).as("documents in Elasticsearch, one per article id").isEqualTo(articles);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            assertEachMemberHasPartitions(admin, PARSER_GROUP, FETCHED);
            assertEachMemberHasPartitions(admin, INDEXER_GROUP, ARTICLES);
            assertThat(admin.describeTopics(Set.of(FETCHED, ARTICLES)).allTopicNames().get(30, TimeUnit.SECONDS))
                .as("partitions of the consumed topics, as article-contract/asyncapi.yaml gives them")
                .allSatisfy((topic, description) -> assertThat(description.partitions()).hasSize(6));
        }
    }

    /** Two members (one per instance) in the group, each assigned partitions of the topic, none assigned twice. */
    private static void assertEachMemberHasPartitions(Admin admin, String group, String topic) throws Exception {
        // Two articles' issues can be indexed before the second instance's join has finished rebalancing the group
        // (seen: settled after 5 s with the group still PreparingRebalance, all partitions on the first member):
        // what is asserted is the assignment the group settles on.
        ConsumerGroupDescription description = await("group " + group + " stable").atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group),
                    d -> d.groupState() == GroupState.STABLE);
        List<MemberDescription> members = description.members().stream().filter(member -> member.assignment()
            .topicPartitions().stream().anyMatch(partition -> partition.topic().equals(topic))).toList();
        assertThat(members).as("members of " + group + " with partitions of " + topic + ": " + description).hasSize(2);
        Set<Integer> assigned = new TreeSet<>();
        members.forEach(member -> member.assignment().topicPartitions().stream()
            .filter(partition -> partition.topic().equals(topic))
            .forEach(partition -> assertThat(assigned.add(partition.partition()))
                .as("partition " + partition + " assigned once").isTrue()));
        assertThat(assigned).as("partitions of " + topic + " assigned in " + group).hasSize(6);
    }

    private static long indexedDocuments() throws Exception {
        return NAMES.askIndex("_count", null).path("count").asLong();
    }
}
