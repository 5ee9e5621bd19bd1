package dev.pailot.core.workspace.internal;

import dev.pailot.core.workspace.Dataset;
import dev.pailot.core.workspace.DatasetProperty;
import dev.pailot.core.workspace.DatasetSpec;
import dev.pailot.core.workspace.Drift;
import dev.pailot.core.workspace.Workspace;
import dev.pailot.core.workspace.WorkspaceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares specs with what exists. Only attributes PAI reported are compared, so a list result that
 * omits, say, the environment types does not show as drift. Stateless.
 */
final class DriftCheck {
  private DriftCheck() {}

  /**
   * Workspace attributes that differ: display name, description, environment types, and a status
   * from which the workspace cannot become ready.
   */
  static List<Drift> workspace(WorkspaceSpec spec, Workspace ws) {
    String resource = "workspace/" + spec.name();
    List<Drift> out = new ArrayList<>();
    if (!ws.displayName().isEmpty() && !ws.displayName().equals(spec.displayName())) {
      out.add(new Drift(resource, "displayName", spec.displayName(), ws.displayName()));
    }
    if (!ws.description().isEmpty() && !ws.description().equals(spec.description())) {
      out.add(new Drift(resource, "description", spec.description(), ws.description()));
    }
    if (!ws.envTypes().isEmpty() && !ws.envTypes().equals(spec.envTypes())) {
      out.add(
          new Drift(resource, "envTypes", spec.envTypes().toString(), ws.envTypes().toString()));
    }
    if (ws.status().isTerminalFailure()) {
      out.add(new Drift(resource, "status", "ENABLED", ws.status().name()));
    }
    return out;
  }

  /** Dataset attributes that decide which data the name refers to. */
  static List<Drift> dataset(DatasetSpec spec, Dataset d) {
    String resource = "dataset/" + spec.name();
    List<Drift> out = new ArrayList<>();
    if (!spec.dataSourceType().name().equalsIgnoreCase(d.dataSourceType())) {
      out.add(
          new Drift(resource, "dataSourceType", spec.dataSourceType().name(), d.dataSourceType()));
    }
    if (!sameUri(spec, d.uri())) {
      out.add(new Drift(resource, "uri", spec.uri(), d.uri()));
    }
    if (!spec.property().name().equalsIgnoreCase(d.property())) {
      out.add(new Drift(resource, "property", spec.property().name(), d.property()));
    }
    spec.mountPath()
        .filter(p -> !p.equals(d.mountPath().orElse(null)))
        .ifPresent(p -> out.add(new Drift(resource, "mountPath", p, d.mountPath().orElse("none"))));
    return out;
  }

  private static boolean sameUri(DatasetSpec spec, String actual) {
    if (spec.property() == DatasetProperty.DIRECTORY) {
      // A directory is the same with or without its trailing slash.
      return trimSlash(spec.uri()).equals(trimSlash(actual));
    }
    return spec.uri().equals(actual);
  }

  private static String trimSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
