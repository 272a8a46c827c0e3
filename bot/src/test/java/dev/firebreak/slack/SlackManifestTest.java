package dev.firebreak.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The app manifest in the repository is valid by Slack's manifest schema and asks for what Firebreak uses. */
class SlackManifestTest {

    static final String EVENTS_URL = "https://firebreak.example.com/slack/events";

    @Test
    void manifestIsValidBySlacksSchema() throws Exception {
        Set<ValidationMessage> errors = schema().validate(manifest());
        assertThat(errors).isEmpty();
    }

    @Test
    void schemaCatchesABrokenManifest() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode broken = manifest().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("display_information")).remove("name");
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        broken.get("features").get("slash_commands").get(0))
                .put("command", "incident");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("settings"))
                .set("surprise", json.valueToTree(true));
        assertThat(schema().validate(broken)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void manifestDeclaresCommandsUrlsScopesAndEvents() throws Exception {
        JsonNode m = manifest();
        List<String> commands = m.get("features").get("slash_commands").findValuesAsText("command");
        assertThat(commands).containsExactly("/incident", "/oncall");
        assertThat(m.get("features").get("slash_commands").findValuesAsText("url"))
                .containsOnly(EVENTS_URL);
        assertThat(m.get("settings").get("interactivity").get("request_url").asText())
                .isEqualTo(EVENTS_URL);
        assertThat(m.get("settings")
                        .get("event_subscriptions")
                        .get("request_url")
                        .asText())
                .isEqualTo(EVENTS_URL);
        assertThat(texts(m.get("settings").get("event_subscriptions").get("bot_events")))
                .containsExactlyInAnyOrder("reaction_added", "pin_added");
        assertThat(texts(m.get("oauth_config").get("scopes").get("bot")))
                .containsExactlyInAnyOrder(
                        "channels:manage",
                        "groups:write",
                        "channels:read",
                        "groups:read",
                        "chat:write",
                        "pins:write",
                        "pins:read",
                        "reactions:read",
                        "commands",
                        "users:read",
                        "users:read.email",
                        "files:write",
                        "channels:history",
                        "groups:history",
                        "usergroups:read");
    }

    @Test
    void copyInDocsIsIdentical() throws Exception {
        Path docs = Path.of("..", "docs", "slack-app-manifest.yml");
        try (InputStream in = resource()) {
            assertThat(Files.readString(docs)).isEqualTo(new String(in.readAllBytes()));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in =
                SlackManifestTest.class.getResourceAsStream("/fixtures/slack/manifest.schema.1.0.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static JsonNode manifest() throws Exception {
        try (InputStream in = resource()) {
            Map<String, Object> yaml = new Yaml().load(in);
            return new ObjectMapper().valueToTree(yaml);
        }
    }

    private static InputStream resource() {
        return SlackManifestTest.class.getResourceAsStream("/slack/manifest.yml");
    }
}
