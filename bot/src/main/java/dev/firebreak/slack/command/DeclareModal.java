package dev.firebreak.slack.command;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "declare an incident" modal and the validation of its submission: pure functions. */
final class DeclareModal {

    static final String CALLBACK_ID = "incident.declare";
    static final String TITLE = "title";
    static final String SEVERITY = "severity";
    static final String DESCRIPTION = "description";
    static final String VALUE = "value";
    static final int MAX_DESCRIPTION = 3000;

    /** A valid submission, or the errors per block id (Slack shows them under the inputs). */
    record Submission(String title, Severity severity, String description, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private DeclareModal() {}

    static View view(String channelId) {
        List<LayoutBlock> blocks = List.of(
                InputBlock.builder()
                        .blockId(TITLE)
                        .label(plain("Title"))
                        .element(PlainTextInputElement.builder()
                                .actionId(VALUE)
                                .maxLength(NewIncident.MAX_TITLE)
                                .placeholder(plain("e.g. Checkout returns 500s"))
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(SEVERITY)
                        .label(plain("Severity"))
                        .element(StaticSelectElement.builder()
                                .actionId(VALUE)
                                .initialOption(option(Severity.SEV3))
                                .options(Arrays.stream(Severity.values())
                                        .map(DeclareModal::option)
                                        .toList())
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(DESCRIPTION)
                        .label(plain("Description"))
                        .optional(true)
                        .element(PlainTextInputElement.builder()
                                .actionId(VALUE)
                                .multiline(true)
                                .maxLength(MAX_DESCRIPTION)
                                .build())
                        .build());
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(channelId == null ? "" : channelId)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text("Declare an incident")
                        .build())
                .submit(ViewSubmit.builder().type("plain_text").text("Declare").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    /** The view that replaces the modal once the incident is open. */
    static View declared(String reference, String title) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID + ".done")
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text("Incident declared")
                        .build())
                .close(ViewClose.builder().type("plain_text").text("Close").build())
                .blocks(List.of(SectionBlock.builder()
                        .text(MarkdownTextObject.builder()
                                .text(":rotating_light: *" + reference + "* is open: "
                                        + dev.firebreak.slack.SlackMrkdwn.escape(title)
                                        + "\nIts channel is being created.")
                                .build())
                        .build()))
                .build();
    }

    static Submission read(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values =
                state == null || state.getValues() == null ? Map.of() : state.getValues();
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(values, TITLE);
        if (title == null || title.isBlank()) {
            errors.put(TITLE, "Give the incident a title.");
        } else if (title.strip().length() > NewIncident.MAX_TITLE) {
            errors.put(TITLE, "At most " + NewIncident.MAX_TITLE + " characters.");
        }
        Severity severity = null;
        ViewState.Value sev = value(values, SEVERITY);
        if (sev != null && sev.getSelectedOption() != null) {
            severity = Severity.parse(sev.getSelectedOption().getValue()).orElse(null);
        }
        if (severity == null) {
            errors.put(SEVERITY, "Pick a severity from SEV1 to SEV4.");
        }
        String description = text(values, DESCRIPTION);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put(DESCRIPTION, "At most " + MAX_DESCRIPTION + " characters.");
        }
        description = description == null || description.isBlank() ? null : description.strip();
        return new Submission(title == null ? null : title.strip(), severity, description, errors);
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value v = value(values, block);
        return v == null ? null : v.getValue();
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> inBlock = values.get(block);
        return inBlock == null ? null : inBlock.get(VALUE);
    }

    private static OptionObject option(Severity s) {
        return OptionObject.builder().text(plain(s.name())).value(s.name()).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
