package dev.pailot.testkit.localpai.internal.workspace;

import java.time.Instant;
import java.util.Map;

/**
 * An emulated AIWorkspace dataset. Immutable.
 *
 * @param id {@code d-...}
 * @param name name
 * @param description description, possibly empty
 * @param workspaceId owning workspace, or empty when created without one
 * @param dataSourceType {@code OSS} or {@code NAS}
 * @param uri {@code oss://...} or {@code nas://...}
 * @param property {@code FILE} or {@code DIRECTORY}
 * @param dataType {@code COMMON}, {@code PIC}, {@code TEXT}, {@code VIDEO} or {@code AUDIO}
 * @param accessibility {@code PRIVATE} or {@code PUBLIC}
 * @param options mount options JSON text, possibly empty
 * @param labels labels (key to value)
 * @param createdAt creation time
 */
record Dataset(
    String id,
    String name,
    String description,
    String workspaceId,
    String dataSourceType,
    String uri,
    String property,
    String dataType,
    String accessibility,
    String options,
    Map<String, String> labels,
    Instant createdAt) {}
