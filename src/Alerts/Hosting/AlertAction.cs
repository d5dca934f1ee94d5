using System.Text.Json.Serialization;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>
/// An operator's action written by the dashboard to the <c>alert-actions</c> log (ADR 011) and applied by the alerting
/// service at its next evaluation. <see cref="Id"/> is the action's own stream, so writers never share a sequence.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AcknowledgeAction), "acknowledge")]
[JsonDerivedType(typeof(SilenceAction), "silence")]
public abstract record AlertAction(string Id, DateTimeOffset At, string By, string Note);
