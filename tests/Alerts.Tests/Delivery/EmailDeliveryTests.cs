using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Delivery;
using static KpiMonitor.Alerts.Tests.Delivery.DeliveryHarness;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>Mail to a real SMTP server (aiosmtpd on loopback), read back and decoded with MimeKit.</summary>
public sealed class EmailDeliveryTests : IDisposable
{
    private static readonly Contact Ict = new("Phòng Công nghệ thông tin", "mail", "cntt@kpimonitor.local");

    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-delivery-mail-").FullName;

    [Fact]
    public async Task VietnameseMail_ArrivesIntact_WithBothBodies_AndTheDigestIdAsMessageId()
    {
        using var smtp = await SmtpServer.StartAsync();
        using var harness = new DeliveryHarness(Path.Combine(_folder, "a.db"), [Mail(smtp.Port)], new Dictionary<string, string?>());
        var digest = SampleDigest(Ict);

        await harness.Notifier.DeliverAsync([digest], Ct);

        var mail = Assert.Single(smtp.Received());
        Assert.Equal("[KpiMonitor] 1 cảnh báo (cao nhất: Nghiêm trọng), 1 cảnh báo đã hết – Xã Bản Giang: tỷ lệ hồ sơ trực tuyến 43,2 % dưới mục tiêu 50,0 %", mail.Subject);
        Assert.Equal($"{digest.Id}@kpimonitor.alerts", mail.MessageId);
        Assert.Equal("cntt@kpimonitor.local", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("Phòng Công nghệ thông tin", Assert.Single(mail.To.Mailboxes).Name);
        string expectedText = """
            [KpiMonitor] 1 cảnh báo (cao nhất: Nghiêm trọng), 1 cảnh báo đã hết – Xã Bản Giang: tỷ lệ hồ sơ trực tuyến 43,2 % dưới mục tiêu 50,0 %

            • [Nghiêm trọng · Mới] Xã Bản Giang: tỷ lệ hồ sơ trực tuyến 43,2 % dưới mục tiêu 50,0 % (Xã Bản Giang, Tam Đường · Tỷ lệ hồ sơ nộp trực tuyến; giá trị 43,2 % / mục tiêu 50,0 %; bắt đầu 02/03/2026 18:00) https://kpimonitor.local/chi-tieu/online_dossier_rate?unit=P.H1.XA
            • [Cảnh báo · Đã hết] Nguồn Văn phòng điện tử không trả lời (nguồn eoffice; 4 lần lỗi liên tiếp / ngưỡng 3; bắt đầu 02/03/2026 08:30, kết thúc 02/03/2026 11:05) https://kpimonitor.local/nguon-du-lieu
            """;
        Assert.Equal(expectedText.ReplaceLineEndings("\n"), mail.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("<td style=\"color:#b00020\">Nghiêm trọng</td><td>Mới</td><td>Xã Bản Giang, Tam Đường · Tỷ lệ hồ sơ nộp trực tuyến</td>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td>giá trị 43,2 % / mục tiêu 50,0 %</td><td>bắt đầu 02/03/2026 18:00</td>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://kpimonitor.local/chi-tieu/online_dossier_rate?unit=P.H1.XA\">Xem chỉ tiêu</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.True(await harness.Store.IsSentAsync(OutboxNotifier.Outbox, digest.Id, Ct));
        Assert.Empty(harness.Failures.Snapshot());
    }

    [Fact]
    public async Task RefusedAuthentication_KeepsTheDigestUnsent_AndNeverLogsThePassword()
    {
        using var smtp = await SmtpServer.StartAsync();
        var channel = Mail(smtp.Port) with { UserKey = "Smtp:User", PasswordKey = "Smtp:Password" };
        using var harness = new DeliveryHarness(Path.Combine(_folder, "b.db"), [channel],
            new Dictionary<string, string?> { ["Smtp:User"] = "canhbao", ["Smtp:Password"] = "Mật-khẩu-bí-mật-42" });
        var digest = SampleDigest(Ict);

        await harness.Notifier.DeliverAsync([digest], Ct);

        // aiosmtpd offers no AUTH: the client must not send the mail without the authentication it was told to use.
        Assert.Empty(smtp.Received());
        Assert.False(await harness.Store.IsSentAsync(OutboxNotifier.Outbox, digest.Id, Ct));
        var failure = Assert.Single(harness.Failures.Snapshot());
        Assert.Equal(("mail", "cntt@kpimonitor.local", 3), (failure.Channel, failure.Address, failure.Attempts));
        Assert.Contains("mail", harness.Logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Mật-khẩu-bí-mật-42", harness.Logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Mật-khẩu-bí-mật-42", failure.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialKeysWithoutValues_SendWithoutAuthentication()
    {
        using var smtp = await SmtpServer.StartAsync();
        var channel = Mail(smtp.Port) with { UserKey = "KPIMONITOR_SMTP_USER", PasswordKey = "KPIMONITOR_SMTP_PASSWORD" };
        using var harness = new DeliveryHarness(Path.Combine(_folder, "c.db"), [channel], new Dictionary<string, string?>());

        await harness.Notifier.DeliverAsync([SampleDigest(Ict)], Ct);

        Assert.Single(smtp.Received());
    }

    [Fact]
    public async Task RequiredStartTls_IsHonoured_AServerWithoutItGetsNoPlainTextMail()
    {
        using var smtp = await SmtpServer.StartAsync();
        using var harness = new DeliveryHarness(Path.Combine(_folder, "d.db"), [Mail(smtp.Port)],
            new Dictionary<string, string?> { ["Alerts:Delivery:SmtpSecurity"] = "StartTls", ["Alerts:Delivery:MaxAttempts"] = "1" });
        var digest = SampleDigest(Ict);

        await harness.Notifier.DeliverAsync([digest], Ct);

        Assert.Empty(smtp.Received());
        Assert.Contains("STARTTLS", Assert.Single(harness.Failures.Snapshot()).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneRound_SendsItsMailsOverOneSession()
    {
        using var smtp = await SmtpServer.StartAsync();
        using var relay = new SmtpRelay(smtp.Port);
        using var harness = new DeliveryHarness(Path.Combine(_folder, "e.db"), [Mail(relay.Port)], new Dictionary<string, string?>());
        var digests = Enumerable.Range(1, 3).Select(i => SampleDigest(new Contact($"Xã {i}", "mail", $"xa{i}@kpimonitor.local"))).ToList();

        await harness.Notifier.DeliverAsync(digests, Ct);
        await harness.Notifier.DeliverAsync([SampleDigest(new Contact("Xã 4", "mail", "xa4@kpimonitor.local"))], Ct);

        Assert.Equal(4, smtp.Received().Count);
        // One session for the first round's three mails, a new one for the next round (sessions end with their round).
        Assert.Equal(2, relay.Sessions);
    }

    [Fact]
    public async Task ASessionTheServerEnds_IsReopenedAtOnce_WithoutAFailedAttemptOrADuplicate()
    {
        using var smtp = await SmtpServer.StartAsync();
        using var relay = new SmtpRelay(smtp.Port, oneMailPerSession: true);
        using var harness = new DeliveryHarness(Path.Combine(_folder, "f.db"), [Mail(relay.Port)], new Dictionary<string, string?>());
        var digests = Enumerable.Range(1, 3).Select(i => SampleDigest(new Contact($"Xã {i}", "mail", $"xa{i}@kpimonitor.local"))).ToList();

        await harness.Notifier.DeliverAsync(digests, Ct);

        Assert.Equal(
            ["xa1@kpimonitor.local", "xa2@kpimonitor.local", "xa3@kpimonitor.local"],
            smtp.Received().Select(m => Assert.Single(m.To.Mailboxes).Address).Order(StringComparer.Ordinal));
        Assert.Equal(3, relay.Sessions);
        Assert.Empty(harness.Failures.Snapshot());
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Debug && e.Text.Contains("không được", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ChannelDefinition Mail(int port) => new()
    {
        Code = "mail", Type = ChannelType.Email, Host = "127.0.0.1", Port = port, From = "canhbao@kpimonitor.local",
    };
}
