package dev.firebreak.runbooks.steps;

import java.util.ArrayList;
import java.util.List;

/** The list of built-in step classes (one class per type). */
final class StandardStepTypes {

    private StandardStepTypes() {
    }

    static List<StepType> readAndChange() {
        List<StepType> t = new ArrayList<>();
        return t;
    }

    static List<StepType> control(StepTypes reads) {
        List<StepType> t = new ArrayList<>();
        return t;
    }
}
