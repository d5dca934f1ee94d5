using System.Globalization;
using System.Resources;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Localization;

/// <summary>
/// Every text a person reads on the dashboard: UiText.resx (Vietnamese, the neutral language) and UiText.en.resx.
/// Pages read it through <c>IStringLocalizer&lt;UiText&gt;</c> in the request's culture; pure functions (charts,
/// exports) that are handed a culture read it here.
/// </summary>
public sealed class UiText
{
    private static readonly ResourceManager Resources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    private UiText()
    {
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>; the key itself when there is none, as IStringLocalizer does.</summary>
    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in, numbers written the way <paramref name="culture"/> writes them.</summary>
    public static string Format(string key, CultureInfo culture, params object?[] args) => string.Format(culture, Get(key, culture), args);

    /// <summary>The key of "vs previous month/quarter/year" for a period's granularity.</summary>
    public static string VersusPrevious(PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Year => "vs.prevYear",
        PeriodGranularity.Quarter => "vs.prevQuarter",
        _ => "vs.prev",
    };

    /// <summary>The key of the previous period's rank header in exports.</summary>
    public static string PreviousRank(PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Year => "export.previousRankYear",
        PeriodGranularity.Quarter => "export.previousRankQuarter",
        _ => "export.previousRank",
    };
}
