using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Storage;

/// <summary>
/// What every store's event log must do (ADR 011). Each implementation's test class hands out a fresh, empty
/// store per call and can open a second instance over the same data, as a restarted process would.
/// </summary>
public abstract class EventLogContract
{
    protected const string Alerts = "alerts";
    protected const string Actions = "alert-actions";

    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 11, 0, 0, 123, TimeSpan.Zero);
    protected static readonly DateTimeOffset T1 = T0.AddMinutes(5);
    protected static readonly DateTimeOffset T2 = T0.AddHours(1);

    // A hung store must fail the test, not the whole CI run.
    protected static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>A fresh, empty store; <paramref name="time"/> is its clock (the system clock when null).</summary>
    protected abstract Task<IEventLog> CreateLogAsync(CancellationToken cancellationToken, TimeProvider? time = null);

    /// <summary>A new store instance over the same file or database as <paramref name="log"/>.</summary>
    protected abstract IEventLog Reopen(IEventLog log);

    protected static StoredEvent Event(string stream, long sequence, DateTimeOffset time, string payload = "{}", string log = Alerts, string type = "fired") =>
        new(log, stream, sequence, time, type, payload);

    [Fact]
    public async Task Append_ThenRead_ReturnsEventsByTimeThenStreamThenSequence()
    {
        var log = await CreateLogAsync(Ct);
        StoredEvent a1 = Event("rule/a", 1, T0, "{\"n\":1}", type: "pending"), a2 = Event("rule/a", 2, T0, "{\"n\":2}"),
            a3 = Event("rule/a", 3, T1, "{\"n\":3}", type: "resolved"), b1 = Event("rule/B", 1, T0, "{\"n\":4}"), c1 = Event("rule/C", 1, T2);

        await log.AppendAsync([a3, b1, c1], Ct);
        await log.AppendAsync([a2, a1], Ct);

        // Ordinal: "rule/B" sorts before "rule/a".
        Assert.Equal([b1, a1, a2, a3, c1], await log.ReadAsync(Alerts, null, Ct));
    }

    [Fact]
    public async Task ALogOfManyThousandEvents_IsReadWhole()
    {
        // influxd 1.6 marks a series of more than 10,000 rows "partial" in an unchunked answer, although it is whole.
        var log = await CreateLogAsync(Ct);
        var events = Enumerable.Range(1, 12_000).Select(i => Event($"rule/{i % 3}", i, T0.AddSeconds(i), "{}")).ToList();

        await log.AppendAsync(events, Ct);
        var read = await log.ReadAsync(Alerts, null, Ct);

        Assert.Equal(events, read.OrderBy(e => e.Sequence));
    }

    [Fact]
    public async Task Append_SameEventsAgain_StoresNoDuplicates()
    {
        var log = await CreateLogAsync(Ct);
        StoredEvent[] events = [Event("rule/a", 1, T0, "{\"a\":1}"), Event("rule/a", 2, T1, "{\"a\":2}"), Event("rule/b", 1, T1, "{\"b\":1}")];

        await log.AppendAsync(events, Ct);
        await log.AppendAsync(events, Ct);
        await log.AppendAsync([.. events, .. events], Ct);

        Assert.Equal(events, await log.ReadAsync(Alerts, null, Ct));
    }

    [Fact]
    public async Task Append_SameKeyAtAnotherTime_KeepsTheLaterEventOnly()
    {
        var log = await CreateLogAsync(Ct);
        var first = Event("rule/a", 1, T0, "{\"v\":\"first\"}");
        var later = Event("rule/a", 1, T1, "{\"v\":\"later\"}");
        var stale = Event("rule/a", 1, T0.AddSeconds(1), "{\"v\":\"stale\"}");

        await log.AppendAsync([first], Ct);
        await log.AppendAsync([later], Ct);
        await log.AppendAsync([stale], Ct);

        Assert.Equal([later], await log.ReadAsync(Alerts, null, Ct));
    }

    [Fact]
    public async Task Logs_AreKeptApart_EvenWithTheSameStreamAndSequence()
    {
        var log = await CreateLogAsync(Ct);
        var alert = Event("rule/a", 1, T0, "{\"from\":\"service\"}");
        var action = Event("rule/a", 1, T1, "{\"from\":\"operator\"}", log: Actions, type: "acknowledge");

        await log.AppendAsync([alert, action], Ct);

        Assert.Equal([alert], await log.ReadAsync(Alerts, null, Ct));
        Assert.Equal([action], await log.ReadAsync(Actions, null, Ct));
        Assert.Empty(await log.ReadAsync("alerts-other", null, Ct));
    }

    [Fact]
    public async Task Read_Since_ReturnsEventsAtOrAfterThatTime()
    {
        var log = await CreateLogAsync(Ct);
        Assert.Empty(await log.ReadAsync(Alerts, null, Ct));
        StoredEvent e0 = Event("rule/a", 1, T0), e1 = Event("rule/a", 2, T1), e2 = Event("rule/b", 1, T2);
        await log.AppendAsync([e0, e1, e2], Ct);

        Assert.Equal([e1, e2], await log.ReadAsync(Alerts, T1, Ct));
        Assert.Equal([e2], await log.ReadAsync(Alerts, T1.AddMilliseconds(1), Ct));
        Assert.Equal([e0, e1, e2], await log.ReadAsync(Alerts, T0.AddDays(-1), Ct));
        Assert.Empty(await log.ReadAsync(Alerts, T2.AddMilliseconds(1), Ct));
    }

    [Fact]
    public async Task Payload_VietnameseText_RoundTripsIntact()
    {
        var log = await CreateLogAsync(Ct);
        var e = Event("mục-tiêu/Xã Bản Giang, Tam Đường/tỷ_lệ", 1, T0,
            "{\"summary\":\"Xã Bản Giang: tỷ lệ hồ sơ trực tuyến 30% — không đạt mục tiêu 50%\",\"by\":\"Nguyễn Thị Ánh Tuyết\"}", type: "cảnh-báo");

        await log.AppendAsync([e], Ct);

        var read = Assert.Single(await log.ReadAsync(Alerts, null, Ct));
        Assert.Equal(e, read);
        Assert.Equal(e.Payload, read.Payload, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Payload_WithQuotesBackslashesAndLineBreaks_RoundTripsIntact()
    {
        var log = await CreateLogAsync(Ct);
        string[] payloads =
        [
            "{\"note\":\"say \\\"hi\\\"\",\"path\":\"C:\\\\dir\\\\\"}",
            "line 1\nline 2\r\nline 3\r\tend",
            "raw \"quotes\" and \\ backslash \\\" at the end \\",
            "percent %0A %25 %0D %% % %2",
            "'single' = equals, comma and space",
        ];
        var events = payloads.Select((p, i) => Event("a \"stream\", x=y 'z'", i + 1, T0.AddSeconds(i), p)).ToList();

        await log.AppendAsync(events, Ct);

        var read = await log.ReadAsync(Alerts, null, Ct);
        Assert.Equal(payloads, read.Select(e => e.Payload));
        Assert.Equal(events, read);
    }

    [Fact]
    public async Task Events_SurviveANewStoreInstance()
    {
        var first = await CreateLogAsync(Ct);
        StoredEvent[] events = [Event("rule/a", 1, T0), Event("rule/a", 2, T1)];
        await first.AppendAsync(events, Ct);

        var second = Reopen(first);

        Assert.Equal(events, await second.ReadAsync(Alerts, null, Ct));
    }

    [Fact]
    public async Task SentMarks_SurviveANewStoreInstance_PerOutbox()
    {
        var first = await CreateLogAsync(Ct);
        Assert.Empty(await first.GetSentAsync("mail", Ct));
        await first.MarkSentAsync("mail", "rule/a#3→an@xa.gov.vn", Ct);
        await first.MarkSentAsync("mail", "rule/b#1→\"tỉnh\" \\ ops", Ct);
        await first.MarkSentAsync("mail", "rule/a#3→an@xa.gov.vn", Ct);
        await first.MarkSentAsync("webhook", "rule/c#2→telegram", Ct);

        var second = Reopen(first);

        Assert.Equal(["rule/a#3→an@xa.gov.vn", "rule/b#1→\"tỉnh\" \\ ops"], (await second.GetSentAsync("mail", Ct)).Order(StringComparer.Ordinal));
        Assert.True(await second.IsSentAsync("mail", "rule/b#1→\"tỉnh\" \\ ops", Ct));
        Assert.False(await second.IsSentAsync("mail", "rule/c#2→telegram", Ct));
        Assert.True(await second.IsSentAsync("webhook", "rule/c#2→telegram", Ct));
        Assert.False(await second.IsSentAsync("inbox", "rule/a#3→an@xa.gov.vn", Ct));
    }

    [Fact]
    public async Task SentMarks_ManyAtTheSameInstant_AreAllKept()
    {
        // A frozen clock: every mark is made in the same millisecond, as a fast delivery round makes them.
        var log = await CreateLogAsync(Ct, new ManualClock(T0));
        var ids = Enumerable.Range(1, 200).Select(i => $"rule/r{i % 7}#{i}→người{i}@xa.gov.vn").ToList();
        foreach (string id in ids)
        {
            await log.MarkSentAsync("mail", id, Ct);
        }

        await Task.WhenAll(ids.Take(50).Select(id => log.MarkSentAsync("mail", id + " (lần 2)", Ct)));

        var sent = await Reopen(log).GetSentAsync("mail", Ct);
        Assert.Equal(ids.Concat(ids.Take(50).Select(id => id + " (lần 2)")).Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("stream")]
    [InlineData("payload")]
    [InlineData("time")]
    public async Task Append_WithAnInvalidEvent_ThrowsAndWritesNothing(string broken)
    {
        var log = await CreateLogAsync(Ct);
        var bad = broken switch
        {
            "sequence" => Event("rule/a", 0, T1),
            "stream" => Event("rule/a\\", 2, T1),
            "payload" => Event("rule/a", 2, T1, new string('ệ', StoredEvent.MaxPayloadBytes / 3 + 1)),
            _ => Event("rule/a", 2, new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync([Event("rule/a", 1, T0), bad], Ct));

        Assert.Empty(await log.ReadAsync(Alerts, null, Ct));
    }
}
