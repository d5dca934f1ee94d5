namespace KpiMonitor.Shared.Sources;

/// <summary>
/// The declarative mapping of an <c>http-json</c> source, so a province can add a system without code.
/// Paths are dot-separated property names inside an item (<c>stats.online</c>); <see cref="ItemsPath"/> is
/// where the array of items is in the body (empty for a top-level array).
/// </summary>
public sealed record JsonSourceMapping
{
    /// <summary>
    /// Request path and query relative to the base URL; <c>{period}</c> becomes the month in <see cref="PeriodFormat"/>,
    /// <c>{year}</c> and <c>{month}</c> numbers, <c>{page}</c> the page. Without a month placeholder the source is read
    /// once per poll.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>How <c>{period}</c> is written (a .NET date format of the month's first day).</summary>
    public string PeriodFormat { get; init; } = "yyyy-MM";

    /// <summary>Where the array of items is, e.g. <c>data.items</c>.</summary>
    public string ItemsPath { get; init; } = "";

    /// <summary>Where the unit code is in an item.</summary>
    public required string UnitPath { get; init; }

    /// <summary>
    /// Where the period is in an item, read with <see cref="TimeFormats"/>; when empty the requested month is used, or
    /// the current month when <see cref="Path"/> asks for no month.
    /// </summary>
    public string? TimePath { get; init; }

    /// <summary>
    /// Formats of the value at <see cref="TimePath"/>, tried in order: .NET exact formats, or <c>iso</c> for ISO 8601.
    /// A date without an offset is Vietnamese time.
    /// </summary>
    public IReadOnlyList<string> TimeFormats { get; init; } = DefaultTimeFormats;

    /// <summary>The formats tried when a mapping names none: yyyy-MM, ISO 8601, yyyyMMddHHmmss.</summary>
    public static IReadOnlyList<string> DefaultTimeFormats { get; } = ["yyyy-MM", "iso", "yyyyMMddHHmmss"];

    /// <summary>Whether the endpoint is paged with <c>{page}</c> (stops on an empty page).</summary>
    public bool Paged { get; init; }

    /// <summary>The KPIs read from each item.</summary>
    public required IReadOnlyList<JsonKpiMapping> Kpis { get; init; }
}
