using System.Text.Json;
using KpiMonitor.Collector.Sources;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.Sources;

public sealed class RecordBuilderTests
{
    private sealed class Problems : IObservationSink
    {
        public List<string> Seen { get; } = [];

        public Task AddAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken) => Task.CompletedTask;

        public void Reject(string unit, string field, string problem) => Seen.Add($"{unit}|{field}|{problem}");
    }

    private static (RecordBuilder Record, Problems Sink) Builder()
    {
        var sink = new Problems();
        return (new RecordBuilder(sink, new ObservationValidator(TestCatalog.Create()), TestCatalog.CommuneA), sink);
    }

    [Theory]
    [InlineData("{\"n\": 1234}", 1234)]
    [InlineData("{\"n\": \"1234\"}", 1234)]
    [InlineData("{\"n\": \" 17 \"}", 17)]
    public void Counts_AreReadFromNumbersAndPlainNumericStrings(string json, double expected)
    {
        var (record, sink) = Builder();

        Assert.Equal(expected, record.Count(JsonDocument.Parse(json).RootElement, "n"));
        Assert.Empty(sink.Seen);
    }

    [Theory]
    [InlineData("{\"n\": \"1.000\"}", "phân cách hàng nghìn")]
    [InlineData("{\"n\": \"12,5\"}", "không phải số")]
    [InlineData("{\"n\": 12.5}", "số đếm")]
    [InlineData("{\"n\": -3}", "số đếm")]
    [InlineData("{\"n\": {\"v\": 1}}", "không phải số")]
    [InlineData("{}", "thiếu trường")]
    public void BadCounts_RejectTheRecordOnce_NamingUnitAndField(string json, string problem)
    {
        var (record, sink) = Builder();

        record.Count(JsonDocument.Parse(json).RootElement, "n");
        record.Count(JsonDocument.Parse("{}").RootElement, "other");

        Assert.True(record.Failed);
        var only = Assert.Single(sink.Seen);
        Assert.StartsWith($"{TestCatalog.CommuneA}|n|", only, StringComparison.Ordinal);
        Assert.Contains(problem, only, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumeratorAboveItsDenominator_RejectsTheWholeRecord()
    {
        var (record, sink) = Builder();
        var page = new List<Observation>();

        record.Scalar(TestCatalog.Count, TestCatalog.CommuneA, DateTimeOffset.UnixEpoch.AddYears(50), 3, "s", "TreHan");
        record.Ratio(TestCatalog.Ratio, TestCatalog.CommuneA, DateTimeOffset.UnixEpoch.AddYears(50), 9, 4, "s", "a / b");
        record.CommitTo(page);

        Assert.Empty(page);
        Assert.Contains("lớn hơn mẫu số", Assert.Single(sink.Seen), StringComparison.Ordinal);
    }
}
