using System.Text.Json;
using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Units;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.Notifications;

/// <summary>5,000 communes under 40 districts breach at once: each district's contact gets one digest of its communes.</summary>
public sealed class DigestTests
{
    private const int Districts = 40, CommunesPerDistrict = 125;

    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly Contact Ict = new("Phòng Công nghệ thông tin", "email", "cntt@kpimonitor.local");
    private static readonly AlertPolicy FireAtOnce = new() { RepeatInterval = TimeSpan.FromDays(1), EscalateAfter = TimeSpan.FromHours(4) };

    private static readonly OrgTree Tree = new(
        [new OrgLevel("province", "Cấp tỉnh", "Province"), new OrgLevel("district", "Cấp huyện", "District"), new OrgLevel("commune", "Cấp xã", "Commune")],
        [
            Unit("P", "province", null),
            .. Enumerable.Range(0, Districts).Select(d => Unit($"P.H{d}", "district", "P")),
            .. Enumerable.Range(0, Districts * CommunesPerDistrict).Select(c => Unit($"P.H{c / CommunesPerDistrict}.X{c}", "commune", $"P.H{c / CommunesPerDistrict}")),
        ]);

    private static readonly AlertConfig Config = new()
    {
        Rules = [], Channels = [], Operators = [Ict],
        Recipients =
        [
            new RecipientEntry("P", null, [new Contact("Văn phòng UBND tỉnh", "email", "vpub@kpimonitor.local")]),
            .. Enumerable.Range(0, Districts).Select(d => new RecipientEntry($"P.H{d}", null, [new Contact($"Huyện {d}", "email", $"h{d}@kpimonitor.local")])),
        ],
        Routes = [new LevelRoute("commune", NotifyUnit: true, NotifyParent: true)],
    };

    [Fact]
    public void FiveThousandBreachingUnits_GiveOneDigestPerRecipient()
    {
        var clock = new ManualClock(Morning);
        var book = new AlertBook(clock, quietHours: null);

        var evaluation = book.Evaluate(Breaches(), []);
        var digests = DigestBuilder.Build(evaluation.Notifications, new RecipientDirectory(Config, Tree));

        Assert.Equal(Districts * CommunesPerDistrict, evaluation.Notifications.Count);
        Assert.Equal(Districts, digests.Count);
        Assert.All(digests, d => Assert.Equal(CommunesPerDistrict, d.Items.Count));
        Assert.Equal(Districts * CommunesPerDistrict, digests.SelectMany(d => d.Items).Select(i => i.Id).Distinct().Count());
        var h7 = digests.Single(d => d.Recipient.Address == "h7@kpimonitor.local");
        Assert.All(h7.Items, i => Assert.StartsWith("P.H7.", i.Key.Unit, StringComparison.Ordinal));
    }

    [Fact]
    public void Escalation_GoesToTheParentUnitsContacts_AndSourceAlertsToTheOperators()
    {
        var directory = new RecipientDirectory(Config, Tree);
        var date = new DateOnly(2026, 3, 2);

        var escalation = directory.For(new AlertKey("late", "P.H3"), NotificationKind.Escalation, date);
        var districtAlert = directory.For(new AlertKey("late", "P.H3"), NotificationKind.Firing, date);
        var source = directory.For(new AlertKey("source-down", Source: "eoffice"), NotificationKind.Firing, date);

        Assert.Equal(["vpub@kpimonitor.local"], escalation.Select(c => c.Address));
        Assert.Equal(["h3@kpimonitor.local"], districtAlert.Select(c => c.Address));
        Assert.Equal([Ict], source);
    }

    [Fact]
    public void UnitWithNobodyToTell_FallsBackToTheOperators()
    {
        var noContacts = Config with { Recipients = [], Routes = [] };

        var contacts = new RecipientDirectory(noContacts, Tree).For(new AlertKey("late", "P.H0.X1"), NotificationKind.Firing, new DateOnly(2026, 3, 2));

        Assert.Equal([Ict], contacts);
    }

    [Fact]
    public void DigestAndItemIds_AreTheSameAfterARestart_SoTheOutboxSendsNothingTwice()
    {
        var clock = new ManualClock(Morning);
        var live = new AlertBook(clock, quietHours: null);
        var stored = new List<AlertEvent>(live.Evaluate(Breaches(), []).Events);
        clock.Advance(TimeSpan.FromHours(5));

        var restarted = AlertBook.Restore(clock, null, JsonSerializer.Deserialize<List<AlertEvent>>(JsonSerializer.Serialize(stored))!);
        var afterRestart = restarted.Evaluate(Breaches(), []);
        var uninterrupted = live.Evaluate(Breaches(), []);

        var directory = new RecipientDirectory(Config, Tree);
        Assert.Equal(
            DigestBuilder.Build(uninterrupted.Notifications, directory).Select(d => d.Id).Order(StringComparer.Ordinal),
            DigestBuilder.Build(afterRestart.Notifications, directory).Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(afterRestart.Notifications, n => Assert.Equal(NotificationKind.Escalation, n.Kind));
        Assert.Equal(Districts * CommunesPerDistrict, afterRestart.Notifications.Count);
    }

    private static IEnumerable<InstanceCondition> Breaches() =>
        Tree.Units.Where(u => u.Level == "commune").Select(u => new InstanceCondition(
            new AlertKey("online-target", u.Code, "online_dossier_rate"), FireAtOnce,
            AlertCondition.Breaching(AlertSeverity.Critical, $"{u.NameVi}: tỷ lệ hồ sơ nộp trực tuyến 20 %, không đạt mục tiêu 50 %", 20, 50)));

    private static OrgUnit Unit(string code, string level, string? parent) => new()
    {
        Code = code, NameVi = $"Đơn vị {code}", Level = level, Parents = [new ParentLink(DateOnly.MinValue, parent)],
    };
}
