package dev.firebreak.runbooks.steps;

import dev.firebreak.runbooks.steps.communicate.PagerDutyNoteStep;
import dev.firebreak.runbooks.steps.communicate.PagerDutyPageStep;
import dev.firebreak.runbooks.steps.communicate.SlackPostStep;
import dev.firebreak.runbooks.steps.communicate.TimelineNoteStep;
import dev.firebreak.runbooks.steps.control.ApprovalStep;
import dev.firebreak.runbooks.steps.control.EndStep;
import dev.firebreak.runbooks.steps.control.FailStep;
import dev.firebreak.runbooks.steps.control.WaitStep;
import dev.firebreak.runbooks.steps.control.WaitUntilStep;
import dev.firebreak.runbooks.steps.http.HttpRequestStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesCordonStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesDeletePodStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesEventsStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesGetStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesLogsStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesPodsStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesRolloutRestartStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesRolloutUndoStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesScaleStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesWaitRolloutStep;
import dev.firebreak.runbooks.steps.prometheus.PrometheusQueryStep;
import java.util.List;

/** The list of built-in step classes (one class per type). */
final class StandardStepTypes {

    private StandardStepTypes() {}

    static List<StepType> readAndChange() {
        return List.of(
                new PrometheusQueryStep(),
                new KubernetesGetStep(),
                new KubernetesPodsStep(),
                new KubernetesLogsStep(),
                new KubernetesEventsStep(),
                new HttpRequestStep(),
                new KubernetesRolloutRestartStep(),
                new KubernetesScaleStep(),
                new KubernetesRolloutUndoStep(),
                new KubernetesDeletePodStep(),
                new KubernetesCordonStep(),
                new PagerDutyPageStep(),
                new PagerDutyNoteStep(),
                new SlackPostStep(),
                new TimelineNoteStep());
    }

    static List<StepType> control(StepTypes reads) {
        return List.of(
                new ApprovalStep(),
                new WaitStep(),
                new WaitUntilStep(reads),
                new KubernetesWaitRolloutStep(),
                new EndStep(),
                new FailStep());
    }
}
