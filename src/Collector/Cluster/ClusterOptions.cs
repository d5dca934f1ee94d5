using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Collector.Cluster;

/// <summary>
/// Several collectors sharing one schedule through Quartz's clustered job store on PostgreSQL (ADR 015). Without a
/// connection string the collector schedules alone in memory, as it always did.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Collector:Cluster";

    /// <summary>Npgsql connection string of the database every collector of the cluster shares; empty: no cluster.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>This instance's name in the cluster, unique among the instances; AUTO: host name and start time.</summary>
    [Required(ErrorMessage = "Collector:Cluster:InstanceId phải có giá trị (AUTO để tự đặt).")]
    [MaxLength(200, ErrorMessage = "Collector:Cluster:InstanceId dài tối đa 200 ký tự.")]
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>How often this instance tells the others it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Collector:Cluster:CheckinInterval phải trong khoảng 1 giây – 5 phút.")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past a missed check-in the others wait before they take this instance's work: a dead instance's work is
    /// taken within <see cref="CheckinInterval"/> plus this. Longer than the worst pause of a live one (GC, VM migration).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Collector:Cluster:CheckinMisfireThreshold phải trong khoảng 1 giây – 10 phút.")]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
