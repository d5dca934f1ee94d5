using KpiMonitor.Collector.Polling;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Collector.Tests.Sources.HttpJson;

/// <summary>An <c>http-json</c> source polled over real HTTP: periods in the vendor's date format, and a unit listed twice.</summary>
public sealed class HttpJsonSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("")]
    [InlineData("\"timeFormats\": [ \"yyyyMMddHHmmss\", \"iso\" ],")]
    public async Task PeriodsAsYyyyMMddHHmmss_AndWithAnOffset_LandInTheirVietnameseMonth(string formats)
    {
        // 2026-10-31T20:00Z is 03:00 on 1 November in Vietnam.
        const string Body = """
            { "duLieu": [
              { "donVi": "000.00.12.H36", "ky": "20261015103000", "tong": 40, "trucTuyen": 30 },
              { "donVi": "000.00.13.H36", "ky": "2026-10-31T20:00:00Z", "tong": 20, "trucTuyen": 5 } ] }
            """;
        var (summary, stored) = await PollAsync(Body, $$"""
            "path": "api/thongke", "itemsPath": "duLieu", "unitPath": "donVi", "timePath": "ky", {{formats}}
            "kpis": [ { "kpi": "online_dossier_rate", "numeratorPath": "trucTuyen", "denominatorPath": "tong" } ]
            """);

        Assert.True(summary.RejectedRecords == 0, string.Join("\n", summary.Problems));
        Assert.Equal(
            [(new DateOnly(2026, 10, 1), "LCU.S.STP", 30.0, 40.0), (new DateOnly(2026, 11, 1), "LCU.S.STC", 5.0, 20.0)],
            stored.Select(p => (p.Period, p.Unit, p.Numerator!.Value, p.Denominator!.Value)).OrderBy(p => p.Period));
    }

    [Fact]
    public async Task AUnitTwiceInOnePeriod_WithoutATimePath_IsReported_AndTheFirstIsKept()
    {
        const string Body = """
            [ { "donVi": "000.00.12.H36", "tong": 40, "trucTuyen": 30 },
              { "donVi": "000.00.13.H36", "tong": 20, "trucTuyen": 5 },
              { "donVi": "000.00.12.H36", "tong": 41, "trucTuyen": 2 } ]
            """;
        var (summary, stored) = await PollAsync(Body, """
            "path": "api/thongke", "unitPath": "donVi",
            "kpis": [ { "kpi": "online_dossier_rate", "numeratorPath": "trucTuyen", "denominatorPath": "tong" } ]
            """);

        Assert.Equal(1, summary.RejectedRecords);
        string problem = Assert.Single(summary.Problems);
        Assert.Contains("'LCU.S.STP' xuất hiện hơn một lần", problem, StringComparison.Ordinal);
        Assert.Equal(
            [(new DateOnly(2026, 11, 1), "LCU.S.STC", 5.0, 20.0), (new DateOnly(2026, 11, 1), "LCU.S.STP", 30.0, 40.0)],
            stored.Select(p => (p.Period, p.Unit, p.Numerator!.Value, p.Denominator!.Value)).OrderBy(p => p.Unit, StringComparer.Ordinal));
    }

    private static async Task<(PollSummary Summary, IReadOnlyList<KpiMonitor.Shared.Storage.SeriesPoint> Stored)> PollAsync(string body, string mapping)
    {
        var clock = new ManualClock(Now);
        await using var server = await JsonSourceServer.StartAsync("/api/thongke", _ => body, clock, TimeSpan.FromMinutes(5));
        string sources = $$"""
            { "sources": [ { "code": "thongke", "nameVi": "Thống kê JSON", "kind": "http-json", "schedule": "0 0 * * * ?", "baseUrl": "{{server.BaseUrl}}",
              "auth": { "type": "oauth2", "tokenUrl": "oauth2/token", "clientId": "kpimonitor", "secret": "KPIMONITOR_ONESTOP_SECRET" },
              "unitMap": { "000.00.12.H36": "LCU.S.STP", "000.00.13.H36": "LCU.S.STC" },
              "mapping": { {{mapping}} } } ] }
            """;
        var harness = CollectorHarness.Create(sources, clock: clock);
        try
        {
            await using (harness)
            {
                var summary = await harness.PollAsync("thongke");
                Assert.True(summary.Succeeded, summary.Error);
                await harness.Services.GetRequiredService<SpoolDrainer>().DrainAsync(CancellationToken.None);
                var stored = await harness.Store.GetSeriesAsync("online_dossier_rate", null, VietnamTime.StartOf(new DateOnly(2026, 9, 1)),
                    VietnamTime.StartOf(new DateOnly(2026, 12, 1)), PeriodGranularity.Month, CancellationToken.None);
                return (summary, stored);
            }
        }
        finally
        {
            harness.DeleteFolder();
        }
    }
}
