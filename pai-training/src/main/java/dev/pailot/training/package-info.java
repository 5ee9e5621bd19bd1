/**
 * PAI-DLC training. {@link dev.pailot.training.JobSpec} describes a DLC job as plain data (roles,
 * images, resources, spot price caps, data, checkpoint location, VPC, settings) and is validated
 * before anything is sent; {@link dev.pailot.training.DlcClient} submits, reads, lists, stops and
 * deletes jobs, reads events and pod logs, follows a pod's log, and waits for a job to run or
 * finish.
 *
 * <p>Spot runs that resume from the newest complete checkpoint after preemption are in {@link
 * dev.pailot.training.spot}; checkpoint stores (OSS, local directory) in {@link
 * dev.pailot.training.checkpoint}.
 */
package dev.pailot.training;
