using KpiMonitor.Alerts.Tests.Delivery;
using KpiMonitor.AlertService.Hosting;
using KpiMonitor.AlertService.Reporting;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace KpiMonitor.Alerts.Tests.Reporting;

/// <summary>
/// The monthly report in the real alerting process's services: a start after the scheduled time whose report is
/// missing runs the Quartz job at once, which archives the report and mails PDF and DOCX through a real aiosmtpd.
/// </summary>
public sealed class ScheduledReportTests : IDisposable
{
    private const string Commune = "LCU.X.TANPHONG";
    private const string Leader = "lanhdao@kpimonitor.local";
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly string[] Formats = ["pdf", "docx", "xlsx"];
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-report-schedule-").FullName;

    [Fact]
    public void TheDefaultSchedule_FiresAt0700OnThe2nd_VietnameseTime()
    {
        string cron = new ReportScheduleOptions().Schedule;
        var zone = TimeSpan.FromHours(7);

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 7, 0, 0, zone), ReportSchedule.NextFire(cron, new DateTimeOffset(2026, 10, 15, 12, 0, 0, zone)));
        // 06:59 on the 2nd in Hanoi is still 1 November in UTC: the fire is one minute later, not a month.
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 7, 0, 0, zone), ReportSchedule.NextFire(cron, new DateTimeOffset(2026, 11, 1, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 7, 0, 0, zone), ReportSchedule.NextFire(cron, new DateTimeOffset(2026, 11, 2, 7, 0, 0, zone)));
        Assert.Equal(October, MonthlyReportRun.MonthBefore(new DateTimeOffset(2026, 11, 2, 7, 0, 0, zone)));
    }

    [Fact]
    public async Task AStartAfterAMissedTime_ArchivesTheMonthJustEnded_AndMailsOneMailWithPdfAndDocx_AndARestartAddsNothing()
    {
        using var smtp = await SmtpServer.StartAsync();
        string config = CopyConfig(smtp.Port);
        // Down at 07:00 on 2 November; started the next morning.
        var clock = new ManualClock(VietnamTime.StartOf(new DateOnly(2026, 11, 3)).AddHours(8));

        using (var host = Build(config, clock))
        {
            await SeedAsync(host.Services.GetRequiredService<ITimeSeriesStore>());
            await host.StartAsync();
            await Eventually.WaitUntilAsync(() => ReportMails(smtp).Count > 0, "the report's mail", TimeSpan.FromSeconds(90));
            await host.StopAsync();
        }

        string files = Path.Combine(_folder, "reports", "2026-10", Commune);
        Assert.All(Formats, e => Assert.True(File.Exists(Path.Combine(files, $"bao-cao-{Commune}-2026-10.{e}")), e));
        var mail = Assert.Single(ReportMails(smtp));
        Assert.Contains("Báo cáo tháng 10/2026: Phường Tân Phong", mail.Subject, StringComparison.Ordinal);
        Assert.Equal([$"bao-cao-{Commune}-2026-10.pdf", $"bao-cao-{Commune}-2026-10.docx"], mail.Attachments.Select(a => a.ContentDisposition?.FileName));
        var pdf = (MimePart)mail.Attachments.First();
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        Assert.Equal(new FileInfo(Path.Combine(files, $"bao-cao-{Commune}-2026-10.pdf")).Length, content.Length);

        clock.Advance(TimeSpan.FromHours(2));
        using (var restarted = Build(config, clock))
        {
            await restarted.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await restarted.StopAsync();
        }

        Assert.Single(ReportMails(smtp));
    }

    private static List<MimeMessage> ReportMails(SmtpServer smtp) =>
        [.. smtp.Received().Where(m => m.To.Mailboxes.Any(a => a.Address == Leader))];

    private IHost Build(string config, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Catalog:Directory"] = config,
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "store.db"),
            ["AlertService:HealthFile"] = Path.Combine(_folder, "health.txt"),
            ["Reports:ArchiveFolder"] = Path.Combine(_folder, "reports"),
            ["Reports:Units:0"] = Commune,
            ["Reports:MailChannel"] = "email",
            ["Reports:MailTo:0"] = Leader,
        });
        builder.Services.AddSingleton(clock);
        builder.Services.AddAlertService(builder.Configuration);
        return builder.Build();
    }

    // The repository's catalogue and alert rules, with the email channel pointed at the test's SMTP server.
    private string CopyConfig(int port)
    {
        string target = Path.Combine(_folder, "config");
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(RepoPaths.Config, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(RepoPaths.Config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        string alerts = Path.Combine(target, "alerts.json");
        string text = File.ReadAllText(alerts);
        Assert.Contains("\"host\": \"localhost\", \"port\": 587", text, StringComparison.Ordinal);
        File.WriteAllText(alerts, text.Replace("\"host\": \"localhost\", \"port\": 587", $"\"host\": \"127.0.0.1\", \"port\": {port}", StringComparison.Ordinal));
        return target;
    }

    private static async Task SeedAsync(ITimeSeriesStore store)
    {
        var observations = new List<Observation>();
        for (int back = 0; back < 13; back++)
        {
            var start = VietnamTime.StartOf(October.AddMonths(-back));
            observations.Add(Observation.Ratio("online_dossier_rate", Commune, start, 70 + back, 100, "dvc"));
        }

        await store.WriteAsync(observations, CancellationToken.None);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
