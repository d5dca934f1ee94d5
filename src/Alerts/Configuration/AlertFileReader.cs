using System.Text.Json;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>Reads the top of <c>alerts.json</c>: defaults, quiet hours, escalation; rules and delivery have their own readers.</summary>
internal static class AlertFileReader
{
    private static readonly Dictionary<string, AlertSeverity> Severities = new()
    {
        ["warning"] = AlertSeverity.Warning, ["critical"] = AlertSeverity.Critical,
    };

    public static AlertConfig Read(JsonElement root, JsonConfigReader r, Catalog catalog, IReadOnlyCollection<string> sources)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Error("$", "phải là một đối tượng JSON");
            return new AlertConfig { Rules = [], Channels = [], Operators = [], Recipients = [], Routes = [] };
        }

        r.OnlyKnown(root, "$", "dashboardUrl", "defaults", "quietHours", "escalation", "channels", "operators", "recipients", "routes", "rules");
        var defaults = ReadDefaults(root, r);
        var delivery = new DeliveryReader(r, catalog.Units);
        var channels = delivery.Channels(root);
        return new AlertConfig
        {
            DashboardUrl = ReadUrl(root, r),
            QuietHours = ReadQuietHours(root, r),
            EscalateAfter = root.TryGetProperty("escalation", out var esc) ? ReadEscalation(esc, r) : null,
            Channels = channels,
            Operators = delivery.Contacts(root, "$", "operators", channels, required: true),
            Recipients = delivery.Recipients(root, channels),
            Routes = delivery.Routes(root),
            Rules = new RuleReader(r, catalog, sources, defaults).Rules(root),
        };
    }

    internal static AlertSeverity? Severity(JsonConfigReader r, JsonElement obj, string path, bool required) =>
        r.Choice(obj, path, "severity", required, Severities);

    private static Uri? ReadUrl(JsonElement root, JsonConfigReader r)
    {
        string? text = r.String(root, "$", "dashboardUrl", false);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        r.Error("$.dashboardUrl", $"'{text}' không phải địa chỉ http(s) đầy đủ");
        return null;
    }

    private static AlertRule ReadDefaults(JsonElement root, JsonConfigReader r)
    {
        var defaults = new AlertRule { Code = "", Kind = RuleKind.Target, Summary = SummaryTemplate.TryParse("", out _)!, Repeat = TimeSpan.FromDays(1) };
        if (!root.TryGetProperty("defaults", out var d) || !r.IsObject(d, "$.defaults"))
        {
            return defaults;
        }

        r.OnlyKnown(d, "$.defaults", "for", "keepFiringFor", "repeat");
        return defaults with
        {
            For = RuleReader.Count(r, d, "$.defaults", "for") ?? 0,
            KeepFiringFor = RuleReader.Count(r, d, "$.defaults", "keepFiringFor") ?? 0,
            Repeat = r.Duration(d, "$.defaults", "repeat", false) ?? defaults.Repeat,
        };
    }

    /// <summary>Quiet hours default to 22:00–06:30 Vietnamese time, critical alerts only; <c>"enabled": false</c> turns them off.</summary>
    private static QuietHours? ReadQuietHours(JsonElement root, JsonConfigReader r)
    {
        var standard = new QuietHours(new TimeOnly(22, 0), new TimeOnly(6, 30), VietnamTime.Zone);
        const string path = "$.quietHours";
        if (!root.TryGetProperty("quietHours", out var q) || !r.IsObject(q, path))
        {
            return standard;
        }

        r.OnlyKnown(q, path, "enabled", "from", "to", "timeZone", "passes");
        if (q.TryGetProperty("enabled", out var enabled))
        {
            if (enabled.ValueKind == JsonValueKind.False)
            {
                return null;
            }

            if (enabled.ValueKind != JsonValueKind.True)
            {
                r.Error($"{path}.enabled", "phải là true hoặc false");
            }
        }

        var zone = VietnamTime.Zone;
        if (r.String(q, path, "timeZone", false) is { } id && id != VietnamTime.IanaId && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
        {
            r.Error($"{path}.timeZone", $"múi giờ '{id}' không tồn tại");
            zone = VietnamTime.Zone;
        }

        return new QuietHours(
            Time(q, path, "from", r) ?? standard.From, Time(q, path, "to", r) ?? standard.To, zone!,
            r.Choice(q, path, "passes", false, Severities) ?? AlertSeverity.Critical);
    }

    private static TimeSpan? ReadEscalation(JsonElement e, JsonConfigReader r)
    {
        if (!r.IsObject(e, "$.escalation"))
        {
            return null;
        }

        r.OnlyKnown(e, "$.escalation", "after");
        return r.Duration(e, "$.escalation", "after", true);
    }

    private static TimeOnly? Time(JsonElement obj, string path, string name, JsonConfigReader r)
    {
        string? text = r.String(obj, path, name, false);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
        {
            return time;
        }

        r.Error($"{path}.{name}", $"giờ '{text}' không đúng định dạng HH:mm");
        return null;
    }
}
