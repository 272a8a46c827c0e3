package dev.firebreak.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.firebreak.runbooks.steps.StepTypes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The committed JSON Schema (for editors) accepts the catalog and knows exactly the step types the code knows. */
class RunbookSchemaTest {

    static final Path SCHEMA = Path.of("schema", "runbook.schema.json");

    static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    static JsonNode yaml(String text) {
        Map<String, Object> map = new Yaml().load(text);
        return new ObjectMapper().valueToTree(map);
    }

    @Test
    void everyCatalogRunbookIsValid() throws Exception {
        JsonSchema schema = schema();
        List<Path> files = RunbookCatalog.runbookFiles(Path.of("library"), new ArrayList<>());
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            assertThat(schema.validate(yaml(Files.readString(file))))
                    .as(file.toString())
                    .isEmpty();
        }
    }

    @Test
    void rejectsUnknownKeysAndStepTypes() throws Exception {
        var errors = schema().validate(yaml("""
                id: x
                title: X
                colour: red
                steps:
                  - {id: a, type: shell}
                """));
        assertThat(errors)
                .extracting(Object::toString)
                .anyMatch(e -> e.contains("colour"))
                .anyMatch(e -> e.contains("steps[0].type") || e.contains("/steps/0/type"));
    }

    @Test
    void theSchemaListsExactlyTheStepTypesOfTheCode() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SCHEMA.toFile());
        List<String> names = new ArrayList<>();
        root.at("/$defs/step/properties/type/enum").forEach(n -> names.add(n.asText()));
        assertThat(names)
                .containsExactlyInAnyOrderElementsOf(StepTypes.standard().names());
    }
}
