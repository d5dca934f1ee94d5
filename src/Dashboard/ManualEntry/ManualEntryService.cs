using System.Globalization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Imports;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// Figures entered by ICT staff, one by one or as a CSV/Excel file (the collector's import rules). Each is checked
/// against the catalogue, written to the store under source "manual", and recorded in the audit trail with the
/// figure it replaced.
/// </summary>
public sealed class ManualEntryService(Catalog catalog, ITimeSeriesStore store, AuditLog audit, RollupCache cache, TimeProvider time)
{
    public const string Source = "manual";

    /// <summary>Source systems of the KPIs no system reports: their figures are entered by people.</summary>
    public static readonly IReadOnlySet<string> ManualSources = new HashSet<string>(["manual", "inventory", "procedure-db"], StringComparer.Ordinal);

    /// <summary>Whether people enter this KPI's figures (the form offers only these).</summary>
    public static bool IsManual(KpiDefinition kpi) => ManualSources.Contains(kpi.SourceSystem);

    /// <summary>Empty when written, otherwise the problems in Vietnamese.</summary>
    public async Task<IReadOnlyList<string>> EnterAsync(string user, string? kpiCode, string? unitCode, string? period,
        string? value, string? numerator, string? denominator, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var kpi = kpiCode is null ? null : catalog.Kpis.Find(kpiCode);
        if (kpi is null)
        {
            problems.Add($"chỉ tiêu '{kpiCode}' không có trong danh mục");
        }
        else if (!IsManual(kpi))
        {
            // The collector would overwrite it at its next run, and the figure would look like the system's.
            problems.Add($"chỉ tiêu '{kpiCode}' do hệ thống nguồn gửi số liệu, không nhập tay");
        }

        if (unitCode is null || !catalog.Units.Contains(unitCode))
        {
            problems.Add($"đơn vị '{unitCode}' không có trong danh mục");
        }

        DateOnly day = default;
        if (!ManualPeriod.TryParse(period, out day))
        {
            problems.Add($"kỳ '{period}' phải có dạng yyyy-MM (tháng) hoặc yyyy (năm), năm từ {ManualPeriod.MinYear} đến {ManualPeriod.MaxYear}");
        }

        if (kpi is null || problems.Count > 0)
        {
            return problems;
        }

        var time = VietnamTime.StartOf(kpi.Period.FirstDayOf(day));
        Observation observation;
        if (kpi.Kind == KpiKind.Ratio)
        {
            if (!TryNumber(numerator, out double n) || !TryNumber(denominator, out double d))
            {
                return ["chỉ tiêu tỷ lệ cần tử số và mẫu số là số (ví dụ 16 và 37)"];
            }

            observation = Observation.Ratio(kpi.Code, unitCode!, time, n, d, Source);
        }
        else
        {
            if (!TryNumber(value, out double v))
            {
                return [$"giá trị '{value}' không phải số"];
            }

            observation = Observation.Scalar(kpi.Code, unitCode!, time, v, Source);
        }

        return await WriteAsync(user, [observation], "biểu mẫu", cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UploadAsync(string user, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var result = new ManualFigureImporter(catalog, time).Read(content, fileName, Source);
        return result.Succeeded
            ? await WriteAsync(user, result.Observations, "tệp " + fileName, cancellationToken)
            : result.Errors;
    }

    private async Task<IReadOnlyList<string>> WriteAsync(string user, IReadOnlyList<Observation> observations, string via, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        foreach (var o in observations)
        {
            var kpi = catalog.Kpis.Find(o.Kpi)!;
            var before = (await store.GetLatestAsync(o.Kpi, o.Time, [o.Unit], cancellationToken)).FirstOrDefault(v => v.Time == o.Time);
            entries.Add(new AuditEntry(time.GetUtcNow(), user, o.Kpi, o.Unit, VietnamTime.DateOf(o.Time),
                before is null ? null : FigureText.Show(kpi, before.Value, before.Numerator, before.Denominator, english: false),
                FigureText.Show(kpi, o.Value ?? StoredValue.Percentage(o.Numerator, o.Denominator), o.Numerator, o.Denominator, english: false), via));
        }

        var written = await store.WriteAsync(observations, cancellationToken);
        foreach (string kpi in observations.Select(o => o.Kpi).Distinct(StringComparer.Ordinal))
        {
            // The operator looks at the figure next: do not show it from before the save.
            cache.Invalidate(kpi);
        }

        if (written.Rejected.Count > 0)
        {
            return written.Rejected.Select(r => r.Reason).ToList();
        }

        await audit.AppendAsync(entries, cancellationToken);
        return [];
    }

    private static bool TryNumber(string? text, out double number) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
