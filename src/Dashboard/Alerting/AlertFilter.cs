using System.Globalization;
using KpiMonitor.Alerts;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Reading;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Alerting;

/// <summary>
/// The filters of the alerts page, the API and the history export: a unit (with the units below it), a KPI, a severity
/// and a range of Vietnamese days (from and to included). Every value is optional.
/// </summary>
public sealed record AlertFilter(string? Unit, string? Kpi, AlertSeverity? Severity, DateOnly? From, DateOnly? To)
{
    public static readonly AlertFilter None = new(null, null, null, null, null);

    /// <summary>Reads the query's values; each one refused gives a sentence in the reader's language saying why.</summary>
    public static AlertFilter Parse(string? unit, string? kpi, string? severity, string? from, string? to, Catalog catalog, CultureInfo culture,
        out IReadOnlyList<(string Parameter, string Problem)> problems)
    {
        var found = new List<(string, string)>();
        unit = Blank(unit);
        kpi = Blank(kpi);
        if (unit is not null && !catalog.Units.Contains(unit))
        {
            found.Add(("unit", UiText.Format("alerts.badUnit", culture, unit)));
            unit = null;
        }

        if (kpi is not null && !catalog.Kpis.Contains(kpi))
        {
            found.Add(("kpi", UiText.Format("alerts.badKpi", culture, kpi)));
            kpi = null;
        }

        AlertSeverity? level = null;
        if (Blank(severity) is { } s)
        {
            if (Enum.TryParse<AlertSeverity>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(s[0]))
            {
                level = parsed;
            }
            else
            {
                found.Add(("severity", UiText.Format("alerts.badSeverity", culture, s)));
            }
        }

        var first = Day(from, "from", culture, found);
        var last = Day(to, "to", culture, found);
        if (first is { } a && last is { } b && b < a)
        {
            found.Add(("to", UiText.Get("alerts.badRange", culture)));
            last = null;
        }

        problems = found;
        return new AlertFilter(unit, kpi, level, first, last);
    }

    /// <summary>Whether the alert of <paramref name="key"/> with <paramref name="severity"/>, at <paramref name="at"/>, passes.</summary>
    public bool Matches(AlertKey key, AlertSeverity? severity, DateTimeOffset? at, IReadOnlySet<string>? units)
    {
        if (units is not null && (key.Unit is null || !units.Contains(key.Unit)))
        {
            return false;
        }

        if (Kpi is not null && key.Kpi != Kpi)
        {
            return false;
        }

        if (Severity is not null && severity != Severity)
        {
            return false;
        }

        if (From is null && To is null)
        {
            return true;
        }

        if (at is not { } moment)
        {
            return false;
        }

        var day = VietnamTime.DateOf(moment);
        return (From is null || day >= From) && (To is null || day <= To);
    }

    /// <summary>The unit and every unit below it today, or null for any unit (sources included).</summary>
    public IReadOnlySet<string>? Units(Catalog catalog, DateOnly today) =>
        Unit is null ? null : catalog.Units.AsOf(today).SubtreeOf(Unit).Append(Unit).ToHashSet(StringComparer.Ordinal);

    /// <summary>The open alerts that pass.</summary>
    public IEnumerable<AlertView> Apply(IEnumerable<AlertView> alerts, Catalog catalog, DateOnly today)
    {
        var units = Units(catalog, today);
        return alerts.Where(a => Matches(a.Key, a.Severity, a.Since, units));
    }

    /// <summary>The history entries that pass, newest first.</summary>
    public IEnumerable<AlertHistoryEntry> Apply(IReadOnlyList<AlertHistoryEntry> history, Catalog catalog, DateOnly today)
    {
        var units = Units(catalog, today);
        for (int i = history.Count - 1; i >= 0; i--)
        {
            var entry = history[i];
            if (Matches(entry.Key, entry.Severity, entry.At, units))
            {
                yield return entry;
            }
        }
    }

    /// <summary>The filter as query parameters (only those set), for links and downloads.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Parameters()
    {
        if (Unit is not null)
        {
            yield return new("unit", Unit);
        }

        if (Kpi is not null)
        {
            yield return new("kpi", Kpi);
        }

        if (Severity is { } s)
        {
            yield return new("severity", s.ToString().ToLowerInvariant());
        }

        if (From is { } f)
        {
            yield return new("from", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } t)
        {
            yield return new("to", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static DateOnly? Day(string? text, string parameter, CultureInfo culture, List<(string, string)> problems)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100)
        {
            return day;
        }

        problems.Add((parameter, UiText.Format("alerts.badDate", culture, value)));
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
