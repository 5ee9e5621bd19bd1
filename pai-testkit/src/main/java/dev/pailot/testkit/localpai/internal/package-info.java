/**
 * LocalPai's implementation: the Netty server, the control-plane pipeline and the emulated
 * products. Not part of the public API.
 */
package dev.pailot.testkit.localpai.internal;
