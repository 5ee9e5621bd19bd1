package dev.pailot.testkit.localpai.internal.dlc;

/**
 * One role of a job ({@code JobSpecs[i]}) as the emulation needs it: what runs and where.
 *
 * @param type role, e.g. {@code Worker}
 * @param image container image
 * @param podCount replicas, at least 1
 * @param ecsSpec instance type; empty for roles sized by {@code ResourceConfig}
 * @param spot whether the role runs on spot instances ({@code SpotSpec})
 */
record RoleSpec(String type, String image, int podCount, String ecsSpec, boolean spot) {}
