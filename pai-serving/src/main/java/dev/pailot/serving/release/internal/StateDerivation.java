package dev.pailot.serving.release.internal;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.release.ReleasePhase;
import dev.pailot.serving.release.ReleaseState;
import java.util.List;
import java.util.Optional;

/**
 * Derives a release's state from what EAS shows about blue and green, nothing else. Pure function;
 * thread-safe.
 *
 * <p>Green's share is {@code greenWeight / (greenWeight + blueWeight)} while both take group
 * traffic. A controller sets green's weight before blue's when moving forward and blue's first when
 * rolling back, so a share between two stages means it died between the calls; the stage in
 * progress is then the smallest configured stage at or above the share.
 */
public final class StateDerivation {
  private StateDerivation() {}

  /**
   * Derives the state.
   *
   * @param group group name
   * @param blue blue as EAS shows it
   * @param green green as EAS shows it, empty when it does not exist
   * @param stages the plan's stages
   * @return the state
   * @throws ValidationException if green exists but is not a green of this release, or blue is not
   *     in the group
   */
  public static ReleaseState derive(
      String group, ServiceSnapshot blue, Optional<ServiceSnapshot> green, List<Integer> stages) {
    if (!blue.group().equals(Optional.of(group))) {
      throw ValidationException.invalidField(
          "blue",
          "service " + blue.name() + " is not in group " + group,
          "create blue with metadata.group=" + group);
    }
    ReleaseState.Builder b =
        ReleaseState.builder().blueWeight(blue.weight()).greenWeight(0).greenSharePercent(0);
    if (green.isEmpty()) {
      return b.phase(ReleasePhase.NOT_STARTED)
          .description("no green service; blue serves all traffic")
          .build();
    }
    ServiceSnapshot g = green.get();
    if (!ReleaseLabels.isGreenOf(g.labels(), group, blue.name())) {
      throw ValidationException.invalidField(
          "green",
          "service " + g.name() + " exists but was not created by a release of " + blue.name(),
          "pick another name for green, or delete that service");
    }
    b.greenWeight(g.weight()).greenStatus(g.status()).greenVersion(g.version());
    boolean greenTakesTraffic = !g.standalone() && g.weight() > 0;
    boolean blueTakesTraffic = !blue.standalone() && blue.weight() > 0;
    if (!greenTakesTraffic) {
      if (g.stopped()) {
        return b.phase(ReleasePhase.ROLLED_BACK)
            .description("green " + g.name() + " is " + g.status() + "; blue serves all traffic")
            .build();
      }
      if (!g.running()) {
        return b.phase(ReleasePhase.DEPLOYING)
            .description("green " + g.name() + " is " + g.status() + " and takes no traffic")
            .build();
      }
      return b.phase(ReleasePhase.PRE_TRAFFIC)
          .description("green " + g.name() + " runs standalone; blue serves all traffic")
          .build();
    }
    if (!blueTakesTraffic) {
      return b.phase(ReleasePhase.PROMOTED)
          .greenSharePercent(100)
          .description("green " + g.name() + " serves all traffic")
          .build();
    }
    int share = (int) Math.round(100.0 * g.weight() / (g.weight() + blue.weight()));
    int stage = stages.stream().filter(s -> s >= share).findFirst().orElse(100);
    return b.phase(ReleasePhase.SHIFTING)
        .greenSharePercent(share)
        .stagePercent(stage)
        .description(
            "green "
                + g.name()
                + " takes "
                + share
                + "% of traffic (weights "
                + g.weight()
                + "/"
                + blue.weight()
                + "); stage "
                + stage
                + "% in progress")
        .build();
  }
}
