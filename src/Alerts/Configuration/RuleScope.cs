using KpiMonitor.Shared.Units;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>The units a rule applies to: all of them, those of one level, or the listed ones.</summary>
public sealed record RuleScope(string? Level, IReadOnlyList<string> Units)
{
    /// <summary>Every unit.</summary>
    public static RuleScope All { get; } = new(null, []);

    /// <summary>Whether the rule applies to <paramref name="unit"/>.</summary>
    public bool Covers(OrgUnit unit) =>
        Level is not null ? unit.Level == Level : Units.Count == 0 || Units.Contains(unit.Code, StringComparer.Ordinal);
}
