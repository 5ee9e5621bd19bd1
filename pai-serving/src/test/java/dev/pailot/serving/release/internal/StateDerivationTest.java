package dev.pailot.serving.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.release.ReleasePhase;
import dev.pailot.serving.release.ReleaseState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateDerivationTest {
  private static final List<Integer> STAGES = List.of(10, 50, 100);
  private static final Map<String, String> OURS = ReleaseLabels.green("grp", "blue");

  private static ServiceSnapshot blue(boolean standalone, int weight) {
    return new ServiceSnapshot(
        "blue", "Running", Optional.of("grp"), standalone, weight, 1, Map.of());
  }

  private static Optional<ServiceSnapshot> green(String status, boolean standalone, int weight) {
    return Optional.of(
        new ServiceSnapshot("green", status, Optional.of("grp"), standalone, weight, 1, OURS));
  }

  private static ReleaseState derive(ServiceSnapshot blue, Optional<ServiceSnapshot> green) {
    return StateDerivation.derive("grp", blue, green, STAGES);
  }

  @Test
  void phasesFollowFromWeightsStatusAndTrafficState() {
    assertThat(derive(blue(false, 0), Optional.empty()).phase())
        .isEqualTo(ReleasePhase.NOT_STARTED);
    assertThat(derive(blue(false, 100), green("Creating", true, 0)).phase())
        .isEqualTo(ReleasePhase.DEPLOYING);
    assertThat(derive(blue(false, 100), green("Running", true, 0)).phase())
        .isEqualTo(ReleasePhase.PRE_TRAFFIC);
    assertThat(derive(blue(false, 100), green("Stopped", true, 0)).phase())
        .isEqualTo(ReleasePhase.ROLLED_BACK);
    ReleaseState promoted = derive(blue(true, 0), green("Running", false, 100));
    assertThat(promoted.phase()).isEqualTo(ReleasePhase.PROMOTED);
    assertThat(promoted.greenSharePercent()).isEqualTo(100);
    assertThat(derive(blue(false, 0), green("Running", false, 100)).phase())
        .isEqualTo(ReleasePhase.PROMOTED);
  }

  @Test
  void aStageInProgressIsTheSmallestStageAtOrAboveGreensShare() {
    ReleaseState at50 = derive(blue(false, 50), green("Running", false, 50));
    assertThat(at50.phase()).isEqualTo(ReleasePhase.SHIFTING);
    assertThat(at50.greenSharePercent()).isEqualTo(50);
    assertThat(at50.stagePercent()).contains(50);
    // Died between the two weight calls of the 50% stage: green 50, blue still 90.
    ReleaseState between = derive(blue(false, 90), green("Running", false, 50));
    assertThat(between.greenSharePercent()).isEqualTo(36);
    assertThat(between.stagePercent()).contains(50);
    assertThat(between.description()).contains("36%").contains("50/90");
    assertThat(derive(blue(false, 90), green("Running", false, 10)).stagePercent()).contains(10);
    // A standalone green with a leftover weight takes no traffic.
    assertThat(derive(blue(false, 100), green("Running", true, 50)).phase())
        .isEqualTo(ReleasePhase.PRE_TRAFFIC);
  }

  @Test
  void aServiceThatIsNotOurGreenIsRefused() {
    Optional<ServiceSnapshot> stranger =
        Optional.of(
            new ServiceSnapshot("green", "Running", Optional.of("grp"), false, 0, 3, Map.of()));
    assertThatThrownBy(() -> derive(blue(false, 100), stranger))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("was not created by a release of blue");
    ServiceSnapshot outside =
        new ServiceSnapshot("blue", "Running", Optional.empty(), false, 0, 1, Map.of());
    assertThatThrownBy(() -> derive(outside, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not in group grp");
  }
}
