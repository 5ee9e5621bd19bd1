/**
 * The price book: hourly on-demand and spot prices per instance type, and exact {@link
 * java.math.BigDecimal} cost and savings arithmetic for training and serving plans.
 */
package dev.pailot.core.pricing;
