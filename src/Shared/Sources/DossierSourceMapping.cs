namespace KpiMonitor.Shared.Sources;

/// <summary>
/// How an <c>onestop-dossiers</c> source is read: request path, paging, envelope, field names, date formats and
/// codes. Every default is the national sync shape of docs/source-apis.md, so a source without a mapping reads it.
/// </summary>
public sealed record DossierSourceMapping
{
    /// <summary>The national sync shape served by the simulator.</summary>
    public static DossierSourceMapping NationalSync { get; } = new();

    /// <summary>
    /// Request path and fixed query relative to the base URL; <c>{period}</c>, <c>{year}</c>, <c>{month}</c> ask for one
    /// month (see <see cref="PeriodPlaceholders"/>). Without them the source is read once per poll.
    /// </summary>
    public string Path { get; init; } = "onestop/api/dossiers?period={period}";

    /// <summary>How <c>{period}</c> is written (a .NET date format of the month's first day).</summary>
    public string PeriodFormat { get; init; } = "yyyy-MM";

    /// <summary>
    /// With a month in the path: how many months before the poll window are read too, only to find dossiers
    /// received then and finished inside the window.
    /// </summary>
    public int LookbackMonths { get; init; } = 2;

    /// <summary>Paging and envelope.</summary>
    public SourcePaging Paging { get; init; } = SourcePaging.Default;

    /// <summary>Where each fact is in an item.</summary>
    public DossierFields Fields { get; init; } = new();

    /// <summary>
    /// Formats of the dates, tried in order: .NET exact formats, or <c>iso</c> for ISO 8601. A date without an offset is
    /// Vietnamese time; one with an offset is converted to it.
    /// </summary>
    public IReadOnlyList<string> DateFormats { get; init; } = ["yyyyMMddHHmmss", "iso", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss"];

    /// <summary>What the channel and status codes mean.</summary>
    public DossierCodes Codes { get; init; } = new();
}
