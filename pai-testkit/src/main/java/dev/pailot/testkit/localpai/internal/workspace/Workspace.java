package dev.pailot.testkit.localpai.internal.workspace;

import java.time.Instant;
import java.util.List;

/**
 * An emulated AIWorkspace workspace. Immutable; its status is derived from {@link #createdAt()}.
 *
 * @param id numeric id as a string
 * @param name unique name
 * @param displayName display name
 * @param description description
 * @param envTypes {@code [prod]} or {@code [dev, prod]}
 * @param createdAt creation time
 */
record Workspace(
    String id,
    String name,
    String displayName,
    String description,
    List<String> envTypes,
    Instant createdAt) {}
