namespace KpiMonitor.Shared.Sources;

/// <summary>
/// The declarative mapping of an <c>http-json</c> source, so a province can add a system without code.
/// Paths are dot-separated property names inside an item (<c>stats.online</c>); <see cref="ItemsPath"/> is
/// where the array of items is in the body (empty for a top-level array).
/// </summary>
public sealed record JsonSourceMapping
{
    /// <summary>Request path and query relative to the base URL; <c>{period}</c> becomes yyyy-MM, <c>{year}</c> and <c>{month}</c> numbers, <c>{page}</c> the page.</summary>
    public required string Path { get; init; }

    /// <summary>Where the array of items is, e.g. <c>data.items</c>.</summary>
    public string ItemsPath { get; init; } = "";

    /// <summary>Where the unit code is in an item.</summary>
    public required string UnitPath { get; init; }

    /// <summary>Where the period is in an item (yyyy-MM or an ISO date); when empty the requested month is used.</summary>
    public string? TimePath { get; init; }

    /// <summary>Whether the endpoint is paged with <c>{page}</c> (stops on an empty page).</summary>
    public bool Paged { get; init; }

    /// <summary>The KPIs read from each item.</summary>
    public required IReadOnlyList<JsonKpiMapping> Kpis { get; init; }
}
