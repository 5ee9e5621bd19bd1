package dev.pailot.serving.eas.internal;

import dev.pailot.core.internal.transport.Operation;

/** The operations {@code EasClient} names directly. */
public final class EasOps {
  /** StartService. */
  public static final Operation START = EasApi.START;

  /** StopService. */
  public static final Operation STOP = EasApi.STOP;

  /** RestartService. */
  public static final Operation RESTART = EasApi.RESTART;

  /** DeleteServiceMirror. */
  public static final Operation DELETE_MIRROR = EasTrafficApi.DELETE_MIRROR;

  /** DeleteServiceAutoScaler. */
  public static final Operation DELETE_AUTOSCALER = EasTrafficApi.DELETE_AUTO;

  /** DeleteServiceCronScaler. */
  public static final Operation DELETE_CRON = EasTrafficApi.DELETE_CRON;

  private EasOps() {}
}
