package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorAccessTests {

    @Test
    void withoutAPasswordInTheEnvironmentEachRunGeneratesItsOwnAndGivesItToIngest() {
        OperatorAccess first = OperatorAccess.forRun(Map.of());
        OperatorAccess second = OperatorAccess.forRun(Map.of());

        String password = first.ingestEnvironment().get(OperatorAccess.PASSWORD_VARIABLE);
        assertThat(password).matches("[0-9a-f]{36}");
        assertThat(second.ingestEnvironment().get(OperatorAccess.PASSWORD_VARIABLE)).isNotEqualTo(password);
    }

    @Test
    void aGeneratedPasswordIsPrintedInTheFirstLineOnlyAndNeverInToString() {
        OperatorAccess access = OperatorAccess.forRun(Map.of());
        String password = access.ingestEnvironment().get(OperatorAccess.PASSWORD_VARIABLE);

        List<String> lines = access.instructions("http://127.0.0.1:4711", false);

        assertThat(lines.get(0)).contains("export INGEST=http://127.0.0.1:4711 AUTH='operator:" + password + "'");
        assertThat(lines.subList(1, lines.size())).noneMatch(line -> line.contains(password));
        assertThat(lines).anyMatch(line -> line.contains("-u \"$AUTH\" $INGEST/actuator/ingest"))
            .anyMatch(line -> line.contains("-X POST $INGEST/operator/replays"))
            .noneMatch(line -> line.contains("backfills"));
        assertThat(access.toString()).doesNotContain(password);
    }

    @Test
    void theOperatorsOwnPasswordIsInheritedAndNeverPrinted() {
        OperatorAccess access = OperatorAccess.forRun(Map.of(OperatorAccess.PASSWORD_VARIABLE, "s3cret",
                OperatorAccess.USERNAME_VARIABLE, "ops"));

        assertThat(access.ingestEnvironment()).isEmpty();
        List<String> lines = access.instructions("http://127.0.0.1:4711", true);
        assertThat(String.join("\n", lines)).doesNotContain("s3cret")
            .contains("AUTH=\"ops:$PARKWORLD_INGEST_OPERATOR_PASSWORD\"")
            .contains("-d '{\"folder\":true}' $INGEST/operator/backfills");
    }
}
