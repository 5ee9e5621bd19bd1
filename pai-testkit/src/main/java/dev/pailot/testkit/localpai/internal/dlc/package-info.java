/**
 * LocalPai's emulation of PAI-DLC 2020-12-03 (training jobs): the ROA control plane, the job
 * lifecycle, gang scheduling on a finite capacity, spot reclamation, and a simulated training
 * script that writes real checkpoint directories. Internal: not part of Pailot's API.
 */
package dev.pailot.testkit.localpai.internal.dlc;
