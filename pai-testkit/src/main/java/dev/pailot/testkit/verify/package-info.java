/**
 * Assertions on the requests a mock PAI server received: method, path, query, JSON body, {@code
 * x-acs-*} headers and the shape of the {@code ACS3-HMAC-SHA256} {@code Authorization} header.
 * Failures throw {@link java.lang.AssertionError}, so any test framework reports them.
 */
package dev.pailot.testkit.verify;
