package dev.qmodem.load;

import java.util.List;

/** A workload bound to its server, with one {@link StepStats} per step that every device records into. */
record LoadPlan(Workload workload, Workload.Server server, List<StepStats> setup, List<StepStats> session,
                List<StepStats> recover, Progress progress) {

    static LoadPlan of(Workload workload, Workload.Server server) {
        return new LoadPlan(workload, server, stats("setup", workload.setup()), stats("session", workload.session()),
                stats("recover", workload.recover()), new Progress());
    }

    private static List<StepStats> stats(String phase, List<Step> steps) {
        return steps.stream().map(step -> new StepStats(phase, step.name())).toList();
    }

    /** Every step's figures: setup, session, then recover. */
    List<StepStats> all() {
        return java.util.stream.Stream.of(setup, session, recover).flatMap(List::stream).toList();
    }
}
