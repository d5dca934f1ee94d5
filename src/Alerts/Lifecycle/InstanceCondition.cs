namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>What the evaluator hands the lifecycle for one rule instance: the instance, its rule's policy and the condition found.</summary>
public sealed record InstanceCondition(AlertKey Key, AlertPolicy Policy, AlertCondition Condition);
