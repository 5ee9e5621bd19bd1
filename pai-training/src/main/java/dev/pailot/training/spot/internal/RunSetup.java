package dev.pailot.training.spot.internal;

import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.training.DlcClient;
import dev.pailot.training.JobSpec;
import dev.pailot.training.checkpoint.CheckpointStore;
import dev.pailot.training.spot.PreemptionClassifier;
import dev.pailot.training.spot.SpotRunListener;
import dev.pailot.training.spot.SpotRunPolicy;
import java.time.Clock;

/**
 * Everything one run works with, fixed when it is built. Immutable; the parts are thread-safe.
 *
 * @param name run name
 * @param spec the run's job spec, with a checkpoint location
 * @param policy the policy
 * @param store the checkpoint store (the caller closes it)
 * @param classifier the preemption classifier
 * @param listener the run's listener
 * @param dlc the DLC client
 * @param costs cost estimates
 * @param runtime the {@code Pai} runtime, for progress events
 * @param clock the run's clock
 */
public record RunSetup(
    String name,
    JobSpec spec,
    SpotRunPolicy policy,
    CheckpointStore store,
    PreemptionClassifier classifier,
    SpotRunListener listener,
    DlcClient dlc,
    CostModel costs,
    PaiRuntime runtime,
    Clock clock) {}
