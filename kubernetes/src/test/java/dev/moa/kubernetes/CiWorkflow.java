package dev.moa.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosted CI workflow (.github/workflows/ci.yml), read as YAML: its jobs, their matrices, and the shell commands
 * of every {@code run:} step with the matrix values filled in (one command list per matrix entry).
 */
record CiWorkflow(JsonNode root) {

    static final Path FILE = Path.of(".github/workflows/ci.yml");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");

    /** One shell command of a run step: the words it is made of, and where it comes from. */
    record Command(String job, List<String> words) {

        String program() {
            return words.get(0);
        }

        @Override
        public String toString() {
            return job + ": " + String.join(" ", words);
        }
    }

    static CiWorkflow read() {
        try {
            return new CiWorkflow(new YAMLMapper().readTree(Repository.root().resolve(FILE).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " is not valid YAML", e);
        }
    }

    Map<String, JsonNode> jobs() {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        root.path("jobs").fields().forEachRemaining(job -> jobs.put(job.getKey(), job.getValue()));
        return jobs;
    }

    /** The matrix entries of a job ({@code strategy.matrix.include}), or one empty entry. */
    static List<Map<String, String>> matrix(JsonNode job) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (JsonNode include : job.path("strategy").path("matrix").path("include")) {
            Map<String, String> entry = new LinkedHashMap<>();
            include.fields().forEachRemaining(field -> entry.put(field.getKey(), field.getValue().asText()));
            entries.add(entry);
        }
        return entries.isEmpty() ? List.of(Map.of()) : entries;
    }

    /** Every shell command of every run step, split at newlines, ;, &&, || and |, matrix values filled in. */
    List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        jobs().forEach((name, job) -> {
            for (Map<String, String> entry : matrix(job)) {
                for (JsonNode step : job.path("steps")) {
                    if (step.has("run")) {
                        split(name, substitute(step.path("run").asText(), entry), commands);
                    }
                }
            }
        });
        return commands;
    }

    private static String substitute(String script, Map<String, String> entry) {
        Matcher expression = EXPRESSION.matcher(script);
        StringBuilder result = new StringBuilder();
        while (expression.find()) {
            String key = expression.group(1);
            String value = key.startsWith("matrix.") ? entry.get(key.substring("matrix.".length())) : "EXPR";
            if (value == null) {
                throw new IllegalArgumentException("unknown matrix value " + key);
            }
            expression.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        expression.appendTail(result);
        return result.toString();
    }

    private static void split(String job, String script, List<Command> commands) {
        String joined = script.replace("\\\n", " ");
        for (String part : joined.split("\n|;|&&|\\|\\||\\|")) {
            List<String> words = new ArrayList<>(List.of(part.trim().split("\\s+")));
            words.removeIf(String::isBlank);
            // Leading VARIABLE=value assignments are not the command.
            for (Iterator<String> word = words.iterator(); word.hasNext(); ) {
                if (word.next().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    word.remove();
                } else {
                    break;
                }
            }
            if (!words.isEmpty() && !words.get(0).startsWith("#")) {
                commands.add(new Command(job, words));
            }
        }
    }
}
