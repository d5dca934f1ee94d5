using System.Net;
using System.Text.Json;

namespace KpiMonitor.Dashboard.Tests.Browser;

/// <summary>Whether the demo's first-start history is in the store, asked through the JSON API.</summary>
public static class DemoHistoryProbe
{
    /// <summary>Two KPIs whose oldest month only the demo history writes; the second (manual and anti-malware figures) is written last.</summary>
    private static readonly string[] HistoryKpis = ["online_dossier_rate", "antimalware_coverage"];

    /// <summary>True when the oldest month of each KPI's 12-month series has a value.</summary>
    public static async Task<bool> CompleteAsync(HttpClient http, CancellationToken cancellationToken)
    {
        foreach (string kpi in HistoryKpis)
        {
            using var response = await http.GetAsync(new Uri($"/api/kpis/{kpi}/series?months=12", UriKind.Relative), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var series = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            // A month without figures is { "value": { "value": null, … } }.
            var points = series.RootElement.GetProperty("points");
            if (points.GetArrayLength() == 0
                || points[0].GetProperty("value") is not { ValueKind: JsonValueKind.Object } oldest
                || oldest.GetProperty("value").ValueKind != JsonValueKind.Number)
            {
                return false;
            }
        }

        return true;
    }
}
