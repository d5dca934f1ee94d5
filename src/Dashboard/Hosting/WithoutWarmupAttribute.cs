namespace KpiMonitor.Dashboard.Hosting;

/// <summary>Marks a page that reads no figures, so it answers while the rollups are still being read (see <see cref="WarmupGate"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class WithoutWarmupAttribute : Attribute;
