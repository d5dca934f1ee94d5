using System.Net;
using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using static KpiMonitor.Alerts.Tests.Delivery.DeliveryHarness;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>Each webhook template POSTed to a real HTTP server on loopback; the JSON it received is checked.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string BotToken = "123456:BI-MAT-token";
    private const string BearerToken = "generic-bi-mat";

    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-delivery-hook-").FullName;
    private readonly int _port = LoopbackPort.Free();

    [Fact]
    public async Task EachTemplate_PostsItsJson_WithSecretsFromConfigurationKeys_AndNeverLogsThem()
    {
        using var receiver = new WebhookReceiver(_port);
        using var harness = Harness("a.db");
        var telegram = SampleDigest(new Contact("Nhóm trực CNTT", "telegram", "-100987654"));
        var teams = SampleDigest(new Contact("Kênh Teams Sở", "teams", "so-tttt"));
        var generic = SampleDigest(new Contact("Hệ thống điều hành", "generic", "ioc"));

        await harness.Notifier.DeliverAsync([telegram, teams, generic], Ct);

        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);

        var tg = requests.Single(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal));
        Assert.Equal($"/bot{BotToken}/sendMessage", Uri.UnescapeDataString(tg.Path));
        Assert.Equal("-100987654", (string?)tg.Body["chat_id"]);
        Assert.StartsWith("[KpiMonitor] 1 cảnh báo (cao nhất: Nghiêm trọng), 1 cảnh báo đã hết – Xã Bản Giang", (string?)tg.Body["text"], StringComparison.Ordinal);
        Assert.Contains(
            "• [Nghiêm trọng · Mới] Xã Bản Giang: tỷ lệ hồ sơ trực tuyến 43,2 % dưới mục tiêu 50,0 % (Xã Bản Giang, Tam Đường · Tỷ lệ hồ sơ nộp trực tuyến; giá trị 43,2 % / mục tiêu 50,0 %;",
            (string?)tg.Body["text"], StringComparison.Ordinal);
        Assert.Null(tg.Authorization);

        var card = requests.Single(r => r.Path == "/teams");
        Assert.Equal(DigestText.Plain(teams, Dashboard, new DigestLabels(new AlertConfig
        {
            Rules = [TargetRule, SourceDownRule], Channels = [], Operators = [], Recipients = [], Routes = [],
        }, TestCatalog.Create())), (string?)card.Body["text"]);
        Assert.Single(card.Body.AsObject());

        var plain = requests.Single(r => r.Path == "/generic");
        Assert.Equal($"Bearer {BearerToken}", plain.Authorization);
        Assert.Equal(generic.Id, (string?)plain.Body["digestId"]);
        Assert.Equal("ioc", (string?)plain.Body["recipient"]!["address"]);
        var items = plain.Body["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("online-target/P.H1.XA/online_dossier_rate/1/generic:ioc", (string?)items[0]!["id"]);
        Assert.Equal(("online-target", "P.H1.XA", "online_dossier_rate"), ((string?)items[0]!["rule"], (string?)items[0]!["unit"], (string?)items[0]!["kpi"]));
        Assert.Equal(("Xã Bản Giang, Tam Đường · Tỷ lệ hồ sơ nộp trực tuyến", "giá trị 43,2 % / mục tiêu 50,0 %"), ((string?)items[0]!["scope"], (string?)items[0]!["figures"]));
        Assert.Equal(("critical", "firing"), ((string?)items[0]!["severity"], (string?)items[0]!["kind"]));
        Assert.Equal((43.2, 50.0), ((double)items[0]!["value"]!, (double)items[0]!["target"]!));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), (DateTimeOffset)items[0]!["firedAt"]!);
        Assert.Null(items[0]!["resolvedAt"]);
        Assert.Equal("https://kpimonitor.local/chi-tieu/online_dossier_rate?unit=P.H1.XA", (string?)items[0]!["link"]);
        Assert.Equal(("eoffice", "resolved", "warning"), ((string?)items[1]!["source"], (string?)items[1]!["kind"], (string?)items[1]!["severity"]));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 4, 5, 0, TimeSpan.Zero), (DateTimeOffset)items[1]!["resolvedAt"]!);

        foreach (var digest in new[] { telegram, teams, generic })
        {
            Assert.True(await harness.Store.IsSentAsync(OutboxNotifier.Outbox, digest.Id, Ct));
        }

        Assert.DoesNotContain(BotToken, harness.Logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(BearerToken, harness.Logger.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non2xxAnswers_AreRetriedWithinTheRound_UntilOneIsAccepted()
    {
        using var receiver = new WebhookReceiver(_port, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway);
        using var harness = Harness("b.db");
        var digest = SampleDigest(new Contact("Hệ thống điều hành", "generic", "ioc"));

        await harness.Notifier.DeliverAsync([digest], Ct);

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.OK], receiver.Requests.Select(r => r.Answer));
        Assert.True(await harness.Store.IsSentAsync(OutboxNotifier.Outbox, digest.Id, Ct));
        Assert.Empty(harness.Failures.Snapshot());
    }

    [Fact]
    public async Task ADeliveryTheStoreCannotRecord_IsNotSentAgain_AndIsRecordedWhenTheStoreAnswers()
    {
        using var receiver = new WebhookReceiver(_port);
        MarkRefusingLog? log = null;
        using var harness = new DeliveryHarness(Path.Combine(_folder, "m.db"), Channels(), Secrets(), store => log = new MarkRefusingLog(store) { Refuse = true });
        var digest = SampleDigest(new Contact("Hệ thống điều hành", "generic", "ioc"));

        await harness.Notifier.DeliverAsync([digest], Ct);
        // While the store refuses, a round stops before sending anything: it could not record what it sent.
        await Assert.ThrowsAsync<TimeSeriesStoreException>(() => harness.Notifier.DeliverAsync([digest], Ct));
        log!.Refuse = false;
        await harness.Notifier.DeliverAsync([], Ct);

        Assert.Single(receiver.Requests);
        Assert.True(await harness.Store.IsSentAsync(OutboxNotifier.Outbox, digest.Id, Ct));
    }

    [Fact]
    public async Task AReceiverThatIsDown_IsRetried_ThenGetsTheDigestOnce_AndARestartDoesNotResend()
    {
        string database = Path.Combine(_folder, "c.db");
        var digest = SampleDigest(new Contact("Hệ thống điều hành", "generic", "ioc"));
        using (var harness = Harness("c.db"))
        {
            await harness.Notifier.DeliverAsync([digest], Ct);

            Assert.False(await harness.Store.IsSentAsync(OutboxNotifier.Outbox, digest.Id, Ct));
            var failure = Assert.Single(harness.Failures.Snapshot());
            Assert.Equal(("generic", "Hệ thống điều hành", digest.Id, 3), (failure.Channel, failure.Recipient, failure.DigestId, failure.Attempts));
            Assert.Contains("generic", harness.Logger.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(BearerToken, harness.Logger.AllText, StringComparison.Ordinal);

            using var receiver = new WebhookReceiver(_port);

            // The notifier kept the digest: the next round delivers it without being handed it again.
            await harness.Notifier.DeliverAsync([], Ct);
            Assert.Equal(1, receiver.Accepted);
            Assert.Empty(harness.Failures.Snapshot());

            await harness.Notifier.DeliverAsync([digest], Ct);
            Assert.Equal(1, receiver.Accepted);

            harness.Dispose();
            using var restarted = new DeliveryHarness(database, Channels(), Secrets());
            await restarted.Notifier.DeliverAsync([digest], Ct);
            Assert.Equal(1, receiver.Accepted);
            Assert.Single(receiver.Requests);
        }
    }

    [Fact]
    public async Task ADeadChannel_CostsOneBackoffSeriesPerRound_AndEveryDigestIsShownAndKept()
    {
        using var harness = Harness("d.db");
        var ioc = SampleDigest(new Contact("Hệ thống điều hành", "generic", "ioc"));
        var archive = SampleDigest(new Contact("Lưu trữ", "generic", "luu-tru"));

        await harness.Notifier.DeliverAsync([ioc, archive], Ct);

        Assert.Equal([(ioc.Id, 3), (archive.Id, 1)], harness.Failures.Snapshot().Select(f => (f.DigestId, f.Attempts)).OrderByDescending(f => f.Item2));
        using var receiver = new WebhookReceiver(_port);
        await harness.Notifier.DeliverAsync([], Ct);
        Assert.Equal(2, receiver.Accepted);
        Assert.Equal(["ioc", "luu-tru"], receiver.Requests.Select(r => (string?)r.Body["recipient"]!["address"]).Order());
    }

    [Fact]
    public void ATelegramChannelWithOnlyItsTokenKey_PostsToTheBotApi()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["KPIMONITOR_TELEGRAM_TOKEN"] = BotToken }).Build();
        var hooks = new WebhookChannel(new AlertConfig { Rules = [], Channels = [], Operators = [], Recipients = [], Routes = [] }, DigestLabels.Codes, settings, null!);
        var channel = new ChannelDefinition { Code = "telegram", Type = ChannelType.Webhook, Template = WebhookTemplate.Telegram, TokenKey = "KPIMONITOR_TELEGRAM_TOKEN" };

        Assert.Equal($"https://api.telegram.org/bot{BotToken}/sendMessage", hooks.Url(channel, WebhookTemplate.Telegram, BotToken));
        var missing = Assert.Throws<DeliveryException>(() => hooks.Url(channel, WebhookTemplate.Telegram, null));
        Assert.Contains("KPIMONITOR_TELEGRAM_TOKEN", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private DeliveryHarness Harness(string database) => new(Path.Combine(_folder, database), Channels(), Secrets());

    private static ChannelDefinition[] Channels() =>
    [
        new() { Code = "telegram", Type = ChannelType.Webhook, Template = WebhookTemplate.Telegram, UrlKey = "Hooks:TelegramUrl", TokenKey = "Hooks:TelegramToken" },
        new() { Code = "teams", Type = ChannelType.Webhook, Template = WebhookTemplate.Teams, UrlKey = "Hooks:TeamsUrl" },
        new() { Code = "generic", Type = ChannelType.Webhook, Template = WebhookTemplate.Generic, UrlKey = "Hooks:GenericUrl", TokenKey = "Hooks:GenericToken" },
    ];

    private Dictionary<string, string?> Secrets() => new()
    {
        ["Hooks:TelegramUrl"] = $"http://127.0.0.1:{_port}/bot{{token}}/sendMessage",
        ["Hooks:TelegramToken"] = BotToken,
        ["Hooks:TeamsUrl"] = $"http://127.0.0.1:{_port}/teams",
        ["Hooks:GenericUrl"] = $"http://127.0.0.1:{_port}/generic",
        ["Hooks:GenericToken"] = BearerToken,
    };
}
