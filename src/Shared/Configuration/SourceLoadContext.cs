namespace KpiMonitor.Shared.Configuration;

/// <summary>
/// What checking <c>sources.json</c> needs from outside: the catalogue, the folder (for mapping files),
/// a cron check (Quartz lives in the collector) and, for the collector only, a way to see whether a secret is set.
/// </summary>
public sealed record SourceLoadContext(
    Catalog Catalog,
    string Directory,
    Func<string, string?>? CheckSchedule = null,
    Func<string, bool>? SecretIsSet = null);
