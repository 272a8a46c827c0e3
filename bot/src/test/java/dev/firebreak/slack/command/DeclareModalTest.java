package dev.firebreak.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.firebreak.incident.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclareModalTest {

    @Test
    void viewHasTitleSeverityAndDescriptionInputs() {
        View v = DeclareModal.view("C1");
        assertThat(v.getCallbackId()).isEqualTo(DeclareModal.CALLBACK_ID);
        assertThat(v.getPrivateMetadata()).isEqualTo("C1");
        assertThat(v.getBlocks())
                .extracting(b -> b.getBlockId())
                .containsExactly(DeclareModal.TITLE, DeclareModal.SEVERITY, DeclareModal.DESCRIPTION);
    }

    @Test
    void validSubmission() {
        DeclareModal.Submission s = DeclareModal.read(state(" DB down ", "SEV1", " replica lag "));
        assertThat(s.valid()).isTrue();
        assertThat(s.title()).isEqualTo("DB down");
        assertThat(s.severity()).isEqualTo(Severity.SEV1);
        assertThat(s.description()).isEqualTo("replica lag");
    }

    @Test
    void invalidSubmissionNamesTheFields() {
        assertThat(DeclareModal.read(state("  ", null, null)).errors()).containsOnlyKeys("title", "severity");
        assertThat(DeclareModal.read(state("x".repeat(501), "SEV2", null)).errors())
                .containsOnlyKeys("title");
        assertThat(DeclareModal.read(new ViewState()).errors()).containsOnlyKeys("title", "severity");
        assertThat(DeclareModal.read(state("ok", "SEV9", null)).errors()).containsOnlyKeys("severity");
    }

    private static ViewState state(String title, String severity, String description) {
        ViewState.Value t = new ViewState.Value();
        t.setValue(title);
        ViewState.Value s = new ViewState.Value();
        if (severity != null) {
            ViewState.SelectedOption o = new ViewState.SelectedOption();
            o.setValue(severity);
            s.setSelectedOption(o);
        }
        ViewState.Value d = new ViewState.Value();
        d.setValue(description);
        ViewState state = new ViewState();
        state.setValues(
                Map.of("title", Map.of("value", t), "severity", Map.of("value", s), "description", Map.of("value", d)));
        return state;
    }
}
