package dev.pailot.training.internal;

import dev.pailot.training.Accessibility;
import dev.pailot.training.CheckpointLocation;
import dev.pailot.training.CodeSourceSpec;
import dev.pailot.training.CredentialConfig;
import dev.pailot.training.DataSourceSpec;
import dev.pailot.training.JobSettings;
import dev.pailot.training.JobSpec;
import dev.pailot.training.ResourceConfig;
import dev.pailot.training.RestartPolicy;
import dev.pailot.training.RoleSpec;
import dev.pailot.training.SpotSpec;
import dev.pailot.training.UserVpc;
import dev.pailot.training.internal.wire.CodeSourceItem;
import dev.pailot.training.internal.wire.CreateJobRequest;
import dev.pailot.training.internal.wire.CredentialConfigItem;
import dev.pailot.training.internal.wire.DataSourceItem;
import dev.pailot.training.internal.wire.JobSpecItem;
import dev.pailot.training.internal.wire.SettingsItem;
import dev.pailot.training.internal.wire.UserVpcItem;
import java.util.ArrayList;
import java.util.List;

/** Turns a validated {@link JobSpec} into CreateJob's body. Stateless. */
final class SpecMapping {
  private SpecMapping() {}

  static CreateJobRequest createJob(JobSpec s) {
    return new CreateJobRequest(
        s.displayName(),
        s.jobType().wireValue(),
        s.workspaceId().orElse(null),
        s.description().orElse(null),
        s.roles().stream().map(SpecMapping::role).toList(),
        s.resourceId().orElse(null),
        s.userCommand(),
        s.envs(),
        dataSources(s),
        s.codeSource().map(SpecMapping::codeSource).orElse(null),
        s.maxRunningTimeMinutes().orElse(null),
        s.priority().orElse(null),
        s.accessibility().map(Accessibility::wireValue).orElse(null),
        s.userVpc().map(SpecMapping::userVpc).orElse(null),
        s.settings().map(SpecMapping::settings).orElse(null),
        s.credentialConfig().map(SpecMapping::credentials).orElse(null),
        s.thirdpartyLibs(),
        s.thirdpartyLibDir().orElse(null));
  }

  private static JobSpecItem role(RoleSpec r) {
    return new JobSpecItem(
        r.type().wireValue(),
        r.image(),
        (long) r.podCount(),
        r.ecsSpec().orElse(null),
        r.resources().map(SpecMapping::resources).orElse(null),
        r.spot().map(SpecMapping::spot).orElse(null),
        r.restartPolicy().map(RestartPolicy::wireValue).orElse(null));
  }

  private static JobSpecItem.ResourceConfigItem resources(ResourceConfig c) {
    return new JobSpecItem.ResourceConfigItem(
        c.cpu().orElse(null),
        c.memory().orElse(null),
        c.gpu().orElse(null),
        c.gpuType().orElse(null),
        c.sharedMemory().orElse(null));
  }

  private static JobSpecItem.SpotSpecItem spot(SpotSpec s) {
    return new JobSpecItem.SpotSpecItem(
        s.strategy().wireValue(), s.discountLimit().orElse(null), s.priceLimit().orElse(null));
  }

  /** Data sources in spec order, then the checkpoint location, which DLC mounts the same way. */
  private static List<DataSourceItem> dataSources(JobSpec s) {
    List<DataSourceItem> items = new ArrayList<>();
    for (DataSourceSpec d : s.dataSources()) {
      items.add(
          new DataSourceItem(
              d.datasetId().orElse(null),
              d.uri().orElse(null),
              d.mountPath().orElse(null),
              d.options().orElse(null)));
    }
    s.checkpoint().map(SpecMapping::checkpoint).ifPresent(items::add);
    return items;
  }

  private static DataSourceItem checkpoint(CheckpointLocation c) {
    return new DataSourceItem(null, c.uri(), c.mountPath(), null);
  }

  private static CodeSourceItem codeSource(CodeSourceSpec c) {
    return new CodeSourceItem(
        c.codeSourceId(),
        c.branch().orElse(null),
        c.commit().orElse(null),
        c.mountPath().orElse(null));
  }

  private static UserVpcItem userVpc(UserVpc v) {
    return new UserVpcItem(
        v.vpcId(),
        v.switchId(),
        v.securityGroupId(),
        v.extendedCidrs(),
        v.defaultRoute().orElse(null));
  }

  private static SettingsItem settings(JobSettings s) {
    return new SettingsItem(
        s.enableErrorMonitoringInAIMaster().orElse(null),
        s.errorMonitoringArgs().orElse(null),
        s.enableSanityCheck().orElse(null),
        s.sanityCheckArgs().orElse(null),
        s.enableOssAppend().orElse(null),
        s.enableRdma().orElse(null),
        s.enableTideResource().orElse(null),
        s.disableEcsStockCheck().orElse(null),
        s.jobReservedMinutes().orElse(null),
        s.jobReservedPolicy().orElse(null),
        s.driver().orElse(null),
        s.oversoldType().orElse(null),
        s.tags());
  }

  private static CredentialConfigItem credentials(CredentialConfig c) {
    return new CredentialConfigItem(c.enableCredentialInject(), c.aliyunEnvRoleKey().orElse(null));
  }
}
