package dev.pailot.testkit.localpai.internal.dlc;

import dev.pailot.testkit.localpai.internal.emulation.OssPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a job's checkpoints go: {@code PAILOT_CHECKPOINT_DIR} is either a storage URI ({@code
 * oss://bucket/prefix}) or a path inside a mounted data source, which maps through the {@code
 * DataSources} entry whose {@code MountPath} contains it (the longest such mount wins) to that
 * entry's {@code Uri}.
 *
 * @param uri the storage URI
 * @param directory its local directory
 */
record CheckpointLocation(String uri, Path directory) {

  /** Resolves {@code value}; empty if it names neither a URI nor a path on mounted storage. */
  static Optional<CheckpointLocation> resolve(
      String value, List<DataSourceSpec> sources, OssPaths storage) {
    String v = value.trim();
    if (v.contains("://")) {
      return storage.resolve(v).map(dir -> new CheckpointLocation(v, dir));
    }
    DataSourceSpec best = null;
    for (DataSourceSpec ds : sources) {
      String mount = strip(ds.mountPath());
      if (ds.uri().isEmpty() || mount.isEmpty()) {
        continue;
      }
      boolean inside = strip(v).equals(mount) || v.startsWith(mount + "/");
      if (inside && (best == null || mount.length() > strip(best.mountPath()).length())) {
        best = ds;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String rest = strip(v).substring(strip(best.mountPath()).length());
    String uri = strip(best.uri()) + rest;
    return storage.resolve(uri).map(dir -> new CheckpointLocation(uri, dir));
  }

  private static String strip(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
