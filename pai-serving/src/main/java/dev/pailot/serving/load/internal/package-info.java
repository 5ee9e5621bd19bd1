/**
 * The load generator's internals: arrival sampling, the dispatcher, result recording and report
 * rendering. Not part of the public API.
 */
package dev.pailot.serving.load.internal;
