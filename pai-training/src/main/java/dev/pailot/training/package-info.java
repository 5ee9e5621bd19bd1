/**
 * PAI-DLC training (not yet implemented): job specs and the DLC client, spot runs that resume from
 * the newest complete checkpoint after preemption, checkpoint stores (OSS, local directory), a
 * gang-start guard, budgets and a cost report built from the price book in {@code pai-core}.
 */
package dev.pailot.training;
