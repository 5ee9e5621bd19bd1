package dev.pailot.serving.release.internal;

import java.util.Map;

/**
 * The labels a release puts on green when it creates it (EAS {@code CreateService Labels}), so a
 * later process can tell a green of this release from an unrelated service of the same name.
 */
public final class ReleaseLabels {
  /** The blue service green is released against. */
  public static final String BLUE = "pailot-release-blue";

  /** The group of the release. */
  public static final String GROUP = "pailot-release-group";

  /** The role of the service in the release ({@code green}). */
  public static final String ROLE = "pailot-release-role";

  private ReleaseLabels() {}

  /**
   * Labels for a green service.
   *
   * @param group group name
   * @param blue blue service name
   * @return labels
   */
  public static Map<String, String> green(String group, String blue) {
    return Map.of(ROLE, "green", BLUE, blue, GROUP, group);
  }

  /**
   * Whether a service carries the labels of a green released against {@code blue} in {@code group}.
   *
   * @param labels the service's labels
   * @param group group name
   * @param blue blue service name
   * @return true if it does
   */
  public static boolean isGreenOf(Map<String, String> labels, String group, String blue) {
    return "green".equals(labels.get(ROLE))
        && blue.equals(labels.get(BLUE))
        && group.equals(labels.get(GROUP));
  }
}
