/**
 * PAI-DLC training. Available now: {@link dev.pailot.training.JobSpec} describes a DLC job as plain
 * data (roles, images, resources, spot price caps, data, checkpoint location, VPC, settings) and is
 * validated before anything is sent; {@link dev.pailot.training.DlcClient} submits, reads, lists,
 * stops and deletes jobs, reads events and pod logs, follows a pod's log, and waits for a job to
 * run or finish.
 *
 * <p>Still to come in this module: spot runs that resume from the newest complete checkpoint after
 * preemption, checkpoint stores (OSS, local directory), a gang-start guard, budgets and a cost
 * report built from the price book in {@code pai-core}.
 */
package dev.pailot.training;
