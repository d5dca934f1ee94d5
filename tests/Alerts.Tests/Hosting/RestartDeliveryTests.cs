using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Alerts.Tests.EndToEnd;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static KpiMonitor.Alerts.Tests.Hosting.ServiceFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>
/// The alerting service with the real outbox (<c>AddAlertDelivery</c>) over a real SQLite store and a real SMTP server
/// that is down, comes back, goes down and comes back: restarted after any step, the province's office gets the firing
/// mail and the resolution mail exactly once each.
/// </summary>
public sealed class RestartDeliveryTests : IDisposable
{
    private readonly MailServer _mail = new();
    private readonly ServiceFixture _data;
    private ServiceProvider? _process;
    private AlertingService _service = null!;

    public RestartDeliveryTests()
    {
        _data = new ServiceFixture(
        [
            new ChannelDefinition { Code = "email", Type = ChannelType.Email, Host = "127.0.0.1", Port = _mail.Port, From = "canhbao@kpi.test" },
            new ChannelDefinition { Code = "inbox", Type = ChannelType.Inbox },
        ]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task RestartAfterAnyStep_FailingThenRecoveringSmtp_EachMailDeliveredExactlyOnce(int restartAfter)
    {
        Func<Task>[] steps =
        [
            // 0: both communes below target: pending (for 1).
            async () =>
            {
                await _data.WriteBreachesAsync();
                Assert.True(await _service.PollAsync(Ct));
            },
            // 1: fired; the mail server is down, so the province's digest stays owed (the communes' inbox takes its own).
            async () =>
            {
                Assert.True(await _data.NextEvaluationAsync(_service));
                Assert.Equal(1, _service.Status.Undelivered);
            },
            // 2: nothing new to decide, still down: still owed.
            async () =>
            {
                Assert.True(await _data.NextEvaluationAsync(_service));
                Assert.Equal(1, _service.Status.Undelivered);
            },
            // 3: the server is back: the next poll delivers it.
            async () =>
            {
                await _mail.StartAsync();
                _data.Clock.Advance(_data.Options.ChangePollInterval);
                await _service.PollAsync(Ct);
                Assert.Equal(0, _service.Status.Undelivered);
                Assert.Single(_mail.Received());
            },
            // 4: down again; commune A recovers (and with it the province's rollup): resolved, the mail is owed.
            async () =>
            {
                await _mail.StopAsync();
                await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, June, 950, 1000, "s"));
                Assert.True(await _data.NextEvaluationAsync(_service));
                Assert.Equal(1, _service.Status.Undelivered);
            },
            // 5: nothing new, still down: still owed.
            async () =>
            {
                Assert.True(await _data.NextEvaluationAsync(_service));
                Assert.Equal(1, _service.Status.Undelivered);
            },
            // 6: back again: delivered at the next poll.
            async () =>
            {
                await _mail.StartAsync();
                _data.Clock.Advance(_data.Options.ChangePollInterval);
                await _service.PollAsync(Ct);
                Assert.Equal(0, _service.Status.Undelivered);
            },
        ];

        Start();
        for (int i = 0; i < steps.Length; i++)
        {
            await steps[i]();
            if (i == restartAfter)
            {
                Start();
            }
        }

        // One more restart and a later evaluation send nothing again.
        Start();
        Assert.True(await _data.NextEvaluationAsync(_service));
        var mails = _mail.Received();
        Assert.Equal(2, mails.Count);
        Assert.Equal(2, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.All(mails, m => Assert.Equal(ProvinceMail.Address, m.To.Mailboxes.Single().Address));
        Assert.Contains("Xã Nà Tăm", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Xã Bản Giang", mails[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã Nà Tăm", mails[1].TextBody, StringComparison.Ordinal);
        Assert.Equal(0, _service.Status.Undelivered);
    }

    /// <summary>A new "process": the delivery services and the alerting service built anew over the same store.</summary>
    private void Start()
    {
        _process?.Dispose();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Delivery:MaxAttempts"] = "2",
            ["Alerts:Delivery:InitialBackoff"] = "00:00:00.02",
            ["Alerts:Delivery:MaxBackoff"] = "00:00:00.05",
            ["Alerts:Delivery:Timeout"] = "00:00:05",
        }).Build();
        _process = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(_data.Setup.Config)
            .AddSingleton<IEventLog>(_data.Store)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddAlertDelivery()
            .BuildServiceProvider();
        _service = _data.Service(_process.GetRequiredService<IAlertNotifier>());
    }

    public void Dispose()
    {
        _process?.Dispose();
        _data.Dispose();
        _mail.Dispose();
    }
}
