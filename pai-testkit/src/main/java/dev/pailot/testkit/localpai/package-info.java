/**
 * LocalPai, the local emulator of PAI's control plane: {@link
 * dev.pailot.testkit.localpai.LocalPai}, its options, fault injection, request log, and the
 * standalone V3 signature verifier {@link dev.pailot.testkit.localpai.V3SignatureVerifier}.
 */
package dev.pailot.testkit.localpai;
