package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moa.kubernetes.CiWorkflow.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hosted CI workflow is valid YAML whose run steps call only what exists, and covers every service. */
class CiWorkflowTest {

    /** Tools of the hosted runner image the workflow may call besides the repository's own scripts. */
    private static final Set<String> RUNNER_TOOLS = Set.of("docker", "kubectl");

    private final CiWorkflow workflow = CiWorkflow.read();

    @Test
    void theWorkflowIsYamlWithJobsThatRunOnAPinnedRunnerAndSteps() {
        assertThat(workflow.jobs()).isNotEmpty().allSatisfy((name, job) -> {
            assertThat(job.path("runs-on").asText()).as(name).isNotBlank().doesNotContain("latest");
            assertThat(job.path("steps")).as(name).isNotEmpty();
        });
    }

    @Test
    void everyRunStepCallsOnlyTheRepositorysScriptsOrTheRunnersDockerAndKubectl() {
        List<Command> commands = workflow.commands();

        assertThat(commands).isNotEmpty().allSatisfy(command -> assertThat(exists(command.program()))
                .as("%s calls something that is neither a script of the repository nor docker or kubectl", command)
                .isTrue());
    }

    @Test
    void everyFileAndModuleTheRunStepsNameExists() {
        for (Command command : workflow.commands()) {
            List<String> words = command.words();
            for (int i = 0; i + 1 < words.size(); i++) {
                if (words.get(i).equals("-f") || words.get(i).equals("-pl")) {
                    for (String path : words.get(i + 1).split(",")) {
                        assertThat(Repository.root().resolve(path)).as("%s names %s", command, path).exists();
                    }
                }
            }
        }
    }

    @Test
    void everyServiceIsBuiltNativeWithTheMandrelBuilderAndItsIntegrationTests() {
        JsonNode job = jobRunning("-Pnative");

        assertThat(CiWorkflow.matrix(job)).extracting(entry -> entry.get("module"))
                .containsExactlyInAnyOrderElementsOf(serviceNames());
        assertThat(runs(job)).contains("verify").contains("-Dquarkus.native.container-build=true")
                .doesNotContain("quarkus.native.builder-image");
        assertThat(Repository.root().resolve("pom.xml")).content()
                .containsPattern("<quarkus\\.native\\.builder-image>\\$\\{mandrel\\.builder-image}<")
                .containsPattern("<mandrel\\.builder-image>quay\\.io/quarkus/[^<]*mandrel-builder-image:[^<]+<");
    }

    @Test
    void theNativeExecutablesOfEveryServiceAreMeasuredForStartUpAndMemory() {
        JsonNode job = jobRunning("bench/startup");

        assertThat(runs(job)).contains("BENCH_NATIVE=true");
        assertThat(job.path("needs").asText()).isEqualTo("native");
        assertThat(job.findValues("name").stream().map(JsonNode::asText).filter(n -> n.startsWith("native-")))
                .containsExactlyInAnyOrderElementsOf(serviceNames().stream().map(n -> "native-" + n).toList());
    }

    @Test
    void everyServiceGetsAJvmAndANativeImageFromSrcMainDocker() {
        for (String dockerfile : List.of("src/main/docker/Dockerfile.jvm", "src/main/docker/Dockerfile.native-micro")) {
            JsonNode job = jobRunning(dockerfile);

            assertThat(CiWorkflow.matrix(job)).as(dockerfile).extracting(entry -> entry.get("module") + ":"
                    + entry.get("port")).containsExactlyInAnyOrderElementsOf(ServiceModule.all().stream()
                    .map(module -> module.name() + ":" + module.port()).toList());
            assertThat(runs(job)).contains("--build-arg MODULE=${{ matrix.module }}")
                    .contains("--build-arg PORT=${{ matrix.port }}");
        }
    }

    @Test
    void theJvmTestsRunOnTemurin17AndTheManifestsAreValidated() {
        assertThat(workflow.commands()).extracting(Command::toString).anyMatch(command -> command.endsWith(": .ci/run"))
                .anyMatch(command -> command.endsWith("./mvnw -B -pl kubernetes verify"));
        assertThat(workflow.jobs().values()).allSatisfy(job -> assertThat(job.findValues("with")).allSatisfy(with -> {
            if (with.has("java-version")) {
                assertThat(with.path("distribution").asText()).isEqualTo("temurin");
                assertThat(with.path("java-version").asText()).isEqualTo("17");
            }
        }));
    }

    private JsonNode jobRunning(String text) {
        List<JsonNode> jobs = workflow.jobs().values().stream().filter(job -> runs(job).contains(text)).toList();
        assertThat(jobs).as("jobs running %s", text).hasSize(1);
        return jobs.get(0);
    }

    private static String runs(JsonNode job) {
        StringBuilder runs = new StringBuilder();
        job.path("steps").forEach(step -> runs.append(step.path("run").asText()).append('\n'));
        return runs.toString();
    }

    private static List<String> serviceNames() {
        return ServiceModule.all().stream().map(ServiceModule::name).collect(Collectors.toList());
    }

    private static boolean exists(String program) {
        if (RUNNER_TOOLS.contains(program)) {
            return true;
        }
        Path script = Repository.root().resolve(program).normalize();
        return !program.startsWith("/") && script.startsWith(Repository.root()) && Files.isRegularFile(script)
                && Files.isExecutable(script);
    }
}
