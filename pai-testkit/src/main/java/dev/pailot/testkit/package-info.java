/**
 * Pailot's test kit for WireMock-based tests: the {@link dev.pailot.testkit.PaiMockServer} JUnit 5
 * extension, which starts WireMock and hands a test a {@link dev.pailot.core.Pai} client pointed at
 * it, the {@link dev.pailot.testkit.PaiStubs} facade for stubbing PAI's APIs and injecting faults,
 * and the {@link dev.pailot.testkit.SecretLeakGuard}, which fails a test when a secret reaches the
 * logs.
 *
 * <p>Nothing here needs network access, environment variables or real credentials.
 */
package dev.pailot.testkit;
