using System.Globalization;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Collector.Tests.Sources.OneStop;

/// <summary>
/// The collector's real services polling a real HTTP one-stop system that is not the simulator: another vendor's
/// shape read through the mapping, and sources that return every month whatever is asked.
/// </summary>
public sealed class OneStopDossiersSourceTests
{
    private static readonly string[] Kpis =
        ["online_dossier_rate", "full_online_dossier_rate", "on_time_rate", "late_dossiers", "dossiers_received", "dossiers_pending", "digitization_rate", "online_payment_rate"];

    private static readonly DateTime October = new(2026, 10, 1), November = new(2026, 11, 1);

    [Fact]
    public async Task AnotherVendorsShape_ReadThroughItsMapping_GivesTheIndependentCount_WithOneTokenPer18Seconds()
    {
        var clock = new ManualClock(DossierBook.Now);
        var book = new DossierBook();
        int answered = 0;
        await using var server = await JsonSourceServer.StartAsync("/api/v2/hoso", query =>
        {
            // Nineteen seconds pass while the tenth page is served: the 20-second token is then past its refresh time.
            if (Interlocked.Increment(ref answered) == 10)
            {
                clock.Advance(TimeSpan.FromSeconds(19));
            }

            return book.VendorPage(int.Parse(query["trang"]!, CultureInfo.InvariantCulture), int.Parse(query["soBanGhi"]!, CultureInfo.InvariantCulture));
        }, clock, TimeSpan.FromSeconds(20));

        // Every token issued so far expires after the fifth page: the sixth is refused once, then retried with a new token.
        server.ExpireTokensAfterRequests = 5;
        var stored = await PollAsync(server, clock, DossierBook.VendorMapping, expectRejected: 0);

        Assert.Equal(book.Expected(October, optionalFacts: false), stored[October]);
        Assert.Equal(book.Expected(November, optionalFacts: false), stored[November]);
        int pages = (book.Count + 24) / 25;
        Assert.Equal(pages, server.DataRequests);
        Assert.All(server.Queries, q => Assert.Matches(@"^\?trangThai=tatCa&trang=\d+&soBanGhi=25$", q));
        Assert.Equal(1, server.Unauthorized);
        Assert.Equal(3, server.TokensIssued);
    }

    [Fact]
    public async Task ASourceIgnoringThePeriod_CountsEachDossierOnce_InTheVietnameseMonthOfItsOwnDates()
    {
        var clock = new ManualClock(DossierBook.Now);
        var book = new DossierBook();

        // Received 2026-10-31T20:00Z is 03:00 on 1 November in Vietnam: a November dossier.
        book.Dossiers.Add(new DossierBook.Dossier("EDGE-1", "000.00.14.H36", new DateTime(2026, 11, 1, 3, 0, 0), new DateTime(2026, 11, 30, 17, 0, 0), null,
            "pending", true, false, false, false, false));
        await using var server = await JsonSourceServer.StartAsync("/onestop/api/dossiers", query =>
            book.NationalPage(int.Parse(query["page"]!, CultureInfo.InvariantCulture), int.Parse(query["pageSize"]!, CultureInfo.InvariantCulture),
                d => d.Id == "EDGE-1" ? "2026-10-31T20:00:00Z" : DossierBook.Stamp(d.Received)),
            clock, TimeSpan.FromMinutes(5));

        var stored = await PollAsync(server, clock, mapping: null, expectRejected: 0);

        Assert.Equal(book.Expected(October, optionalFacts: true), stored[October]);
        Assert.Equal(book.Expected(November, optionalFacts: true), stored[November]);
        Assert.Equal(Count(1), stored[November][("LCU.S.SNV", "dossiers_received")]);
        Assert.Equal(Count(book.Dossiers.Count(d => d.SourceUnit == "000.00.12.H36" && d.Received >= November)), stored[November][("LCU.S.STP", "dossiers_received")]);
    }

    [Fact]
    public async Task AUnitKnownThroughTheUnitMap_WithNoDossiersInAMonth_GetsZeroReceived()
    {
        var clock = new ManualClock(DossierBook.Now);
        var book = new DossierBook();

        // This source filters by the month asked, as the national sync does.
        await using var server = await JsonSourceServer.StartAsync("/onestop/api/dossiers", query =>
            book.NationalPage(int.Parse(query["page"]!, CultureInfo.InvariantCulture), int.Parse(query["pageSize"]!, CultureInfo.InvariantCulture), period: query["period"]!),
            clock, TimeSpan.FromMinutes(5));

        var stored = await PollAsync(server, clock, mapping: null, expectRejected: 0);

        // Sở Nội vụ received three dossiers in October and none in November.
        Assert.Equal(Count(3), stored[October][("LCU.S.SNV", "dossiers_received")]);
        Assert.Equal(Count(0), stored[November][("LCU.S.SNV", "dossiers_received")]);
        Assert.Equal(Count(0), stored[November][("LCU.S.SNV", "dossiers_pending")]);
        Assert.DoesNotContain(("LCU.S.SNV", "online_dossier_rate"), stored[November].Keys);
        Assert.Equal(book.Expected(October, optionalFacts: true), stored[October]);
        Assert.Equal(book.Expected(November, optionalFacts: true), stored[November]);
    }

    [Fact]
    public async Task AUnitWhoseOnlyDossierIsRejected_GetsNoZero_AndTheRejectionIsReported()
    {
        var clock = new ManualClock(DossierBook.Now);
        var book = new DossierBook();
        book.Dossiers.Add(new DossierBook.Dossier("BAD-1", "000.00.14.H36", new DateTime(2026, 11, 3, 9, 0, 0), new DateTime(2026, 11, 30, 17, 0, 0), null,
            "pending", true, false, false, false, false));
        await using var server = await JsonSourceServer.StartAsync("/onestop/api/dossiers", query =>
            book.NationalPage(int.Parse(query["page"]!, CultureInfo.InvariantCulture), int.Parse(query["pageSize"]!, CultureInfo.InvariantCulture),
                d => d.Id == "BAD-1" ? "31/11/2026 09:00:00" : DossierBook.Stamp(d.Received)),
            clock, TimeSpan.FromMinutes(5));

        var stored = await PollAsync(server, clock, mapping: null, expectRejected: 1);

        Assert.DoesNotContain(stored[November].Keys, k => k.Unit == "LCU.S.SNV");
        Assert.Equal(Count(3), stored[October][("LCU.S.SNV", "dossiers_received")]);
    }

    [Fact]
    public async Task ATwentySecondToken_IsReusedAcrossPages_AndA401MidPaging_RefreshesItOnceAndRetries()
    {
        var clock = new ManualClock(DossierBook.Now);
        var book = new DossierBook();
        await using var server = await JsonSourceServer.StartAsync("/onestop/api/dossiers", query =>
            book.NationalPage(int.Parse(query["page"]!, CultureInfo.InvariantCulture), int.Parse(query["pageSize"]!, CultureInfo.InvariantCulture)),
            clock, TimeSpan.FromSeconds(20));
        server.ExpireTokensAfterRequests = 3;

        var stored = await PollAsync(server, clock, mapping: null, expectRejected: 0);

        Assert.True(server.DataRequests > 10, $"{server.DataRequests} pages");
        Assert.Equal(2, server.TokensIssued);
        Assert.Equal(1, server.Unauthorized);
        Assert.Equal(book.Expected(November, optionalFacts: true), stored[November]);
    }

    private static (double? Num, double? Den, double? Value) Count(double value) => (null, null, value);

    /// <summary>Polls the server once (months October and November, pages of 25) and reads back both months per unit and KPI.</summary>
    private static async Task<Dictionary<DateTime, Dictionary<(string Unit, string Kpi), (double? Num, double? Den, double? Value)>>> PollAsync(
        JsonSourceServer server, ManualClock clock, string? mapping, int expectRejected)
    {
        var harness = CollectorHarness.Create(DossierBook.Sources(server, mapping), clock: clock);
        try
        {
            await using (harness)
            {
                var summary = await harness.PollAsync("motcua");
                Assert.True(summary.Succeeded, summary.Error);
                Assert.True(summary.RejectedRecords == expectRejected, string.Join("\n", summary.Problems));
                await harness.Services.GetRequiredService<SpoolDrainer>().DrainAsync(CancellationToken.None);
                var result = new Dictionary<DateTime, Dictionary<(string, string), (double?, double?, double?)>>();
                foreach (var month in new[] { new DateTime(2026, 9, 1), October, November })
                {
                    var points = new Dictionary<(string, string), (double?, double?, double?)>();
                    var first = DateOnly.FromDateTime(month);
                    foreach (string kpi in Kpis)
                    {
                        foreach (var p in await harness.Store.GetSeriesAsync(kpi, null, VietnamTime.StartOf(first), VietnamTime.StartOf(first.AddMonths(1)),
                            PeriodGranularity.Month, CancellationToken.None))
                        {
                            points[(p.Unit, kpi)] = p.Numerator is null ? (null, null, p.Value) : (p.Numerator, p.Denominator, null);
                        }
                    }

                    result[month] = points;
                }

                // September is outside the poll window: its dossiers count only where their dates fall inside it.
                Assert.Empty(result[new DateTime(2026, 9, 1)]);
                return result;
            }
        }
        finally
        {
            harness.DeleteFolder();
        }
    }
}
