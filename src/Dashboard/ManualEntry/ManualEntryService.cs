using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Rollups;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Imports;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// Figures entered by ICT staff, one by one or as a CSV/Excel file (the collector's import rules). Each is checked
/// against the catalogue, written to the store under source "manual", and recorded in the audit trail with the
/// figure it replaced.
/// </summary>
public sealed class ManualEntryService(Catalog catalog, ITimeSeriesStore store, AuditLog audit, RollupCache cache, TimeProvider clock)
{
    public const string Source = "manual";

    /// <summary>Source systems of the KPIs no system reports: their figures are entered by people.</summary>
    public static readonly IReadOnlySet<string> ManualSources = new HashSet<string>(["manual", "inventory", "procedure-db"], StringComparer.Ordinal);

    /// <summary>Whether people enter this KPI's figures (the form offers only these).</summary>
    public static bool IsManual(KpiDefinition kpi) => ManualSources.Contains(kpi.SourceSystem);

    /// <summary>Empty when written, otherwise the problems in the reader's language (the current UI culture).</summary>
    public async Task<IReadOnlyList<string>> EnterAsync(string user, string? kpiCode, string? unitCode, string? period,
        string? value, string? numerator, string? denominator, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var kpi = kpiCode is null ? null : catalog.Kpis.Find(kpiCode);
        if (kpi is null)
        {
            problems.Add(Text("entry.unknownKpi", kpiCode));
        }
        else if (!IsManual(kpi))
        {
            // The collector would overwrite it at its next run, and the figure would look like the system's.
            problems.Add(Text("entry.reportedKpi", kpiCode));
        }

        if (unitCode is null || !catalog.Units.Contains(unitCode))
        {
            problems.Add(Text("entry.unknownUnit", unitCode));
        }

        DateOnly day = default;
        if (!ManualPeriod.TryParse(period, out day))
        {
            problems.Add(Text("entry.badPeriod", period, ManualPeriod.MinYear.ToString(CultureInfo.InvariantCulture), ManualPeriod.MaxYear.ToString(CultureInfo.InvariantCulture)));
        }

        if (kpi is not null && problems.Count == 0 && FuturePeriod.Problem(kpi.Period, day, clock.GetUtcNow()) is { } future)
        {
            problems.Add(future);
        }

        if (kpi is null || problems.Count > 0)
        {
            return problems;
        }

        var time = VietnamTime.StartOf(kpi.Period.FirstDayOf(day));
        Observation observation;
        if (kpi.Kind == KpiKind.Ratio)
        {
            // The import rules' numbers: "1.234" means a thousand times more to a Vietnamese reader than to a
            // machine, so it is refused with both readings instead of guessed.
            var numberProblems = new[] { (Text("entry.numerator"), FigureNumber.TryParse(numerator, out double n)), (Text("entry.denominator"), FigureNumber.TryParse(denominator, out double d)) }
                .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {p.Item2}").ToList();
            if (numberProblems.Count > 0)
            {
                return numberProblems;
            }

            observation = Observation.Ratio(kpi.Code, unitCode!, time, n, d, Source);
        }
        else
        {
            if (FigureNumber.TryParse(value, out double v) is { } problem)
            {
                return [$"{Text("entry.value")}: {problem}"];
            }

            observation = Observation.Scalar(kpi.Code, unitCode!, time, v, Source);
        }

        return await WriteAsync(user, [observation], "biểu mẫu", cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UploadAsync(string user, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var result = new ManualFigureImporter(catalog, clock, ImportLimits.Default).Read(content, fileName, Source);
        if (!result.Succeeded)
        {
            return result.Errors;
        }

        // The same rule as the form: a KPI a source system reports would be overwritten at the collector's next run.
        var reported = result.Observations.Select(o => o.Kpi).Distinct(StringComparer.Ordinal).Where(k => !IsManual(catalog.Kpis.Find(k)!)).ToList();
        return reported.Count > 0
            ? reported.Select(k => Text("entry.reportedKpiInFile", k)).ToList()
            : await WriteAsync(user, result.Observations, "tệp " + AuditFileName(fileName), cancellationToken);
    }

    /// <summary>Longest file name the audit trail keeps; the rest is cut with an ellipsis.</summary>
    public const int MaxAuditFileName = 100;

    /// <summary>
    /// The uploaded file's name as the audit trail keeps it: whatever the browser sent, without control or
    /// formatting characters (a line break, a right-to-left override that disguises the name) and at most
    /// <see cref="MaxAuditFileName"/> characters, so a name cannot forge or swell the trail.
    /// </summary>
    internal static string AuditFileName(string fileName)
    {
        var kept = new System.Text.StringBuilder(Math.Min(fileName.Length, MaxAuditFileName + 1));
        foreach (char c in fileName)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            if (kept.Length == MaxAuditFileName)
            {
                // Never cut between the halves of a surrogate pair.
                if (char.IsHighSurrogate(kept[^1]))
                {
                    kept.Length--;
                }

                return kept.Append('…').ToString();
            }

            kept.Append(c);
        }

        return kept.ToString();
    }

    private async Task<IReadOnlyList<string>> WriteAsync(string user, IReadOnlyList<Observation> observations, string via, CancellationToken cancellationToken)
    {
        // The figures replaced, for the audit trail: one read per KPI and period, not one per row of a file.
        var before = new Dictionary<(string Kpi, string Unit, DateTimeOffset Time), StoredValue>();
        foreach (var group in observations.GroupBy(o => (o.Kpi, o.Time)))
        {
            var units = group.Select(o => o.Unit).Distinct(StringComparer.Ordinal).ToList();
            foreach (var stored in await store.GetLatestAsync(group.Key.Kpi, group.Key.Time, units, cancellationToken))
            {
                if (stored.Time == group.Key.Time)
                {
                    before[(group.Key.Kpi, stored.Unit, stored.Time)] = stored;
                }
            }
        }

        var written = await store.WriteAsync(observations, cancellationToken);
        foreach (string kpi in observations.Select(o => o.Kpi).Distinct(StringComparer.Ordinal))
        {
            // The operator looks at the figure next: do not show it from before the save.
            cache.Invalidate(kpi);
        }

        // What reached the store is audited even when other rows were refused: the trail must match the store.
        var refused = written.Rejected.Select(r => r.Observation).ToHashSet();
        var now = clock.GetUtcNow();
        var entries = observations.Where(o => !refused.Contains(o)).Select(o =>
        {
            var kpi = catalog.Kpis.Find(o.Kpi)!;
            var old = before.GetValueOrDefault((o.Kpi, o.Unit, o.Time));
            return new AuditEntry(now, user, o.Kpi, o.Unit, VietnamTime.DateOf(o.Time),
                old is null ? null : FigureText.Show(kpi, old.Value, old.Numerator, old.Denominator, Cultures.Vietnamese),
                FigureText.Show(kpi, o.Value ?? StoredValue.Percentage(o.Numerator, o.Denominator), o.Numerator, o.Denominator, Cultures.Vietnamese),
                written.DroppedByServer > 0 ? via + " (máy chủ báo bỏ một phần)" : via);
        }).ToList();
        if (entries.Count > 0)
        {
            await audit.AppendAsync(entries, cancellationToken);
        }

        var problems = written.Rejected.Select(r => $"{r.Observation.Kpi} / {r.Observation.Unit} / {VietnamTime.DateOf(r.Observation.Time):yyyy-MM}: {r.Reason}").ToList();
        if (written.DroppedByServer > 0)
        {
            problems.Add(Text("entry.droppedByServer", written.DroppedByServer, written.ServerMessage));
        }

        return problems;
    }

    // Problems are read by the person who entered the figures, in their language; the audit trail stays Vietnamese.
    private static string Text(string key, params object?[] args) =>
        UiText.Format(key, CultureInfo.CurrentUICulture, args);
}
