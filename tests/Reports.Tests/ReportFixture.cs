using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Reports.Tests;

/// <summary>The seeded month in a real SQLite file, and the October 2026 report of the province built from it once.</summary>
public sealed class ReportFixture : IAsyncLifetime
{
    private readonly TempSqliteStores _stores = new();

    public Catalog Catalog { get; } = ReportSeed.Catalog();

    public ManualClock Clock { get; } = new(ReportSeed.Now);

    public SqliteTimeSeriesStore Store { get; private set; } = null!;

    public MonthlyReport Report { get; private set; } = null!;

    /// <summary>The one-stop source last succeeded five days ago: stale after its 48 hours; e-office ran an hour ago.</summary>
    public static ReportSources Sources { get; } = new(
    [
        Source("one-stop", "Hệ thống thông tin giải quyết TTHC"),
        Source("e-office", "Hệ thống quản lý văn bản và điều hành"),
    ]);

    public ReportBuilder Builder(ReportAlerts? alerts = null) => new(
        new KpiAssessor(new KpiReader(Store, Catalog), Catalog, Clock),
        new KpiReader(Store, Catalog),
        Catalog,
        Store,
        Store,
        Sources,
        Options.Create(new ReportOptions { ParentBody = "UBND TỈNH LAI CHÂU", IssuingBody = "SỞ KHOA HỌC VÀ CÔNG NGHỆ", Place = "Lai Châu" }),
        Clock,
        alerts);

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Store = _stores.Create(Catalog);
        await Store.WriteAsync(ReportSeed.Observations().ToList(), cts.Token);
        await Store.WriteSourceHealthAsync(new SourceHealth("one-stop", ReportSeed.Now.AddDays(-5), ReportSeed.Now.AddDays(-5), null, TimeSpan.FromSeconds(3), 100, 0), cts.Token);
        await Store.WriteSourceHealthAsync(new SourceHealth("e-office", ReportSeed.Now.AddHours(-1), ReportSeed.Now.AddHours(-1), null, TimeSpan.FromSeconds(3), 100, 0), cts.Token);
        Report = await Builder().BuildAsync(ReportSeed.Province, ReportSeed.Month, cts.Token);
    }

    public Task DisposeAsync()
    {
        _stores.Dispose();
        return Task.CompletedTask;
    }

    private static SourceDefinition Source(string code, string name) => new() { Code = code, NameVi = name, Kind = SourceKind.HttpJson, Schedule = "0 0 * * * ?" };
}
