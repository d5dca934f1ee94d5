using System.Net;
using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Tests;

/// <summary>The faults that change what a 200 answer contains.</summary>
public sealed class BodyFaultTests : IAsyncLifetime
{
    private const string OneStopPage = TestSimulator.OneStop + "?period=2025-03&pageSize=50";
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    public static TheoryData<string, string> DataEndpoints => new()
    {
        { SimEndpoints.EOffice, TestSimulator.EOffice + "?period=2025-03" },
        { SimEndpoints.OneStopStats, TestSimulator.OneStop + "?period=2025-03" },
        { SimEndpoints.OneStopDossiers, TestSimulator.Dossiers + "?period=2025-03" },
        { SimEndpoints.AntiMalware, TestSimulator.AntiMalware },
        { SimEndpoints.Portal, TestSimulator.Portal + "?nam=2025&thang=3" },
    };

    [Theory]
    [MemberData(nameof(DataEndpoints))]
    public async Task MalformedJson_IsA200WhoseBodyNoParserAccepts(string endpoint, string pathAndQuery)
    {
        _sim.State.Faults.Set(endpoint, FaultMode.MalformedJson, count: 1);

        using var response = await _sim.GetAsync(pathAndQuery);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body).Dispose());
    }

    [Theory]
    [MemberData(nameof(DataEndpoints))]
    public async Task NumbersAsStrings_WritesEveryNumberAsAString_WithTheSameValues(string endpoint, string pathAndQuery)
    {
        var normal = await _sim.GetJsonAsync(pathAndQuery);
        _sim.State.Faults.Set(endpoint, FaultMode.NumbersAsStrings, count: 1);

        var stringly = await _sim.GetJsonAsync(pathAndQuery);

        var numbers = Leaves(normal).Where(l => l.Value.ValueKind == JsonValueKind.Number).ToList();
        var strings = Leaves(stringly).ToDictionary(l => l.Path, l => l.Value);
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n =>
        {
            Assert.Equal(JsonValueKind.String, strings[n.Path].ValueKind);
            Assert.Equal(n.Value.GetDecimal(), decimal.Parse(strings[n.Path].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.DoesNotContain(Leaves(stringly), l => l.Value.ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task MissingFields_LeavesTheDenominatorOutOfSomeItems()
    {
        _sim.State.Faults.Set(SimEndpoints.OneStopStats, FaultMode.MissingFields, count: 1);

        var items = (await _sim.GetJsonAsync(OneStopPage)).GetProperty("items").EnumerateArray().ToList();

        var without = items.Where(i => !i.TryGetProperty("TiepNhan", out _)).ToList();
        Assert.Contains(items[0], without);
        Assert.InRange(without.Count, 2, items.Count - 1);
        Assert.All(items, i => Assert.True(i.TryGetProperty("MaDonVi", out _)));
    }

    [Fact]
    public async Task WrongTypes_PutsObjectsArraysAndBooleansWhereNumbersBelong()
    {
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.WrongTypes, count: 1);

        var items = (await _sim.GetJsonAsync(TestSimulator.EOffice + "?period=2025-03&pageSize=50")).GetProperty("items").EnumerateArray();

        var kinds = items.Select(i => i.GetProperty("documentsReceived").ValueKind).ToList();
        Assert.Contains(JsonValueKind.Object, kinds);
        Assert.Contains(JsonValueKind.Array, kinds);
        Assert.Contains(JsonValueKind.True, kinds);
        Assert.Contains(JsonValueKind.Number, kinds);
    }

    [Fact]
    public async Task Oversized_SendsMoreThan50Megabytes_OfValidJson()
    {
        _sim.State.Faults.Set(SimEndpoints.AntiMalware, FaultMode.Oversized, count: 1);

        using var response = await _sim.GetAsync(TestSimulator.AntiMalware, HttpCompletionOption.ResponseHeadersRead);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        using var json = JsonDocument.Parse(body);

        Assert.True(body.Length > 50L * 1024 * 1024, $"{body.Length} bytes");
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.NotEmpty(json.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task EmptyPage_AnswersNoItems_WithTheCorrectTotal()
    {
        int total = (await _sim.GetJsonAsync(OneStopPage)).GetProperty("total").GetInt32();
        _sim.State.Faults.Set(SimEndpoints.OneStopStats, FaultMode.EmptyPage, count: 1);

        var root = await _sim.GetJsonAsync(OneStopPage);

        Assert.Empty(root.GetProperty("items").EnumerateArray());
        Assert.Equal(total, root.GetProperty("total").GetInt32());
        Assert.Equal(50, (await _sim.GetJsonAsync(OneStopPage)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task NumerAboveDenominator_GivesOneItemMoreOnlineDossiersThanReceived()
    {
        _sim.State.Faults.Set(SimEndpoints.OneStopStats, FaultMode.NumerAboveDenominator, count: 1);

        var items = (await _sim.GetJsonAsync(OneStopPage)).GetProperty("items").EnumerateArray().ToList();

        var broken = items.Where(i => i.GetProperty("TiepNhanTrucTuyen").GetInt32() > i.GetProperty("TiepNhan").GetInt32()).ToList();
        Assert.Single(broken);
        Assert.Equal(items[0], broken[0]);
    }

    [Fact]
    public async Task NumerAboveDenominator_OnAntiMalware_EnrolsMoreMachinesThanExist()
    {
        _sim.State.Faults.Set(SimEndpoints.AntiMalware, FaultMode.NumerAboveDenominator, count: 1);

        var first = (await _sim.GetJsonAsync(TestSimulator.AntiMalware)).GetProperty("items")[0];

        Assert.True(first.GetProperty("enrolledEndpoints").GetInt32() > first.GetProperty("totalEndpoints").GetInt32());
    }

    /// <summary>Every scalar of a document with its path, so two documents can be compared leaf by leaf.</summary>
    private static IEnumerable<(string Path, JsonElement Value)> Leaves(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var leaf in Leaves(property.Value, $"{path}.{property.Name}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var leaf in Leaves(item, $"{path}[{index++}]"))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return (path, element);
                break;
        }
    }
}
