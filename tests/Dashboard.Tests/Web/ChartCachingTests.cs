using System.Net;
using System.Net.Http.Headers;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class ChartCachingTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/bieu-do/xu-huong/online_dossier_rate.png?unit=LCU&months=12")]
    [InlineData("/bieu-do/xu-huong/online_dossier_rate.svg?unit=LCU&months=12")]
    [InlineData("/bieu-do/nho/online_dossier_rate.png?unit=LCU")]
    public async Task AChartTheBrowserHas_Gets304_UntilItsFiguresChange(string path)
    {
        var client = await factory.SignedInAsync();
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var month = VietnamTime.StartOf(PeriodBucket.Floor(VietnamTime.DateOf(DateTimeOffset.UtcNow), PeriodGranularity.Month));
        await store.WriteAsync([Observation.Ratio("online_dossier_rate", "LCU", month, 610, 1000, "test")], CancellationToken.None);

        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        var tag = first.Headers.ETag;
        using var unchanged = await Conditional(client, path, tag);
        await store.WriteAsync([Observation.Ratio("online_dossier_rate", "LCU", month, 100, 1000, "test")], CancellationToken.None);
        using var changed = await Conditional(client, path, tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(tag);
        Assert.Equal((true, true), (first.Headers.CacheControl!.Private, first.Headers.CacheControl.NoCache));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.NotEqual(await first.Content.ReadAsByteArrayAsync(), await changed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnOverviewOfAPastMonth_DrawsSparklinesEndingWithThatMonth()
    {
        var client = await factory.SignedInAsync();
        await factory.Services.GetRequiredService<ITimeSeriesStore>().WriteAsync(
            [Observation.Ratio("e_document_rate", "LCU", VietnamTime.StartOf(new DateOnly(2025, 6, 1)), 90, 100, "test")], CancellationToken.None);

        string june = await client.GetStringAsync(new Uri("/?month=2025-06", UriKind.Relative));
        using var then = await client.GetAsync(new Uri("/bieu-do/nho/e_document_rate.png?unit=LCU&month=2025-06", UriKind.Relative));
        using var now = await client.GetAsync(new Uri("/bieu-do/nho/e_document_rate.png?unit=LCU", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri("/bieu-do/nho/e_document_rate.png?month=06-2025", UriKind.Relative));
        using var farFuture = await client.GetAsync(new Uri("/?month=9999-12", UriKind.Relative));

        Assert.Contains("/bieu-do/nho/e_document_rate.png?unit=LCU&month=2025-06\"", june, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, then.StatusCode);
        Assert.NotEqual(then.Headers.ETag, now.Headers.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, farFuture.StatusCode);
    }

    [Fact]
    public async Task EachLanguage_HasItsOwnImage()
    {
        var client = await factory.SignedInAsync();
        const string path = "/bieu-do/xu-huong/digital_signature_rate.png?months=12";

        using var vietnamese = await client.GetAsync(new Uri(path, UriKind.Relative));
        await client.GetAsync(new Uri("/ngon-ngu/en", UriKind.Relative));
        using var english = await Conditional(client, path, vietnamese.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.NotEqual(vietnamese.Headers.ETag, english.Headers.ETag);
    }

    [Fact]
    public async Task RepeatedRequests_AreAnsweredFromTheCache()
    {
        var client = await factory.SignedInAsync();
        var charts = factory.Services.GetRequiredService<ChartCache>();
        const string path = "/bieu-do/xu-huong/e_document_rate.png?months=24";
        await client.GetByteArrayAsync(new Uri(path, UriKind.Relative));
        long hits = charts.Hits, misses = charts.Misses;

        for (int i = 0; i < 3; i++)
        {
            await client.GetByteArrayAsync(new Uri(path, UriKind.Relative));
        }

        Assert.Equal((hits + 3, misses), (charts.Hits, charts.Misses));
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string path, EntityTagHeaderValue? tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (tag is not null)
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        return client.SendAsync(request);
    }
}
