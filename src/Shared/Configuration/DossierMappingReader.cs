using System.Text.Json;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Shared.Configuration;

/// <summary>
/// Reads the <c>mapping</c> of an <c>onestop-dossiers</c> source. Everything is optional: what is left out keeps the
/// national sync shape (<see cref="DossierSourceMapping.NationalSync"/>), so an entry without a mapping reads it.
/// </summary>
internal static class DossierMappingReader
{
    public static DossierSourceMapping Read(JsonElement source, string sourcePath, JsonConfigReader r)
    {
        string path = $"{sourcePath}.mapping";
        var defaults = DossierSourceMapping.NationalSync;
        if (!source.TryGetProperty("mapping", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return defaults;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            r.Error(path, "phải là một đối tượng JSON (path, paging, itemsPath, fields, dateFormats, codes, …)");
            return defaults;
        }

        r.OnlyKnown(e, path, "path", "periodFormat", "lookbackMonths", "paging", "itemsPath", "totalPath", "fields", "dateFormats", "codes");
        string requestPath = r.String(e, path, "path", false) ?? defaults.Path;
        foreach (string placeholder in PeriodPlaceholders.All(requestPath).Where(p => !PeriodPlaceholders.Names.Contains(p)))
        {
            r.Error($"{path}.path", $"'{placeholder}' không phải chỗ giữ chỗ hợp lệ; dùng {string.Join(", ", PeriodPlaceholders.Names)} (tham số phân trang khai báo trong 'paging')");
        }

        int? lookback = r.Integer(e, path, "lookbackMonths", false);
        if (lookback is < 0 or > 12)
        {
            r.Error($"{path}.lookbackMonths", $"giá trị {lookback} phải trong khoảng 0–12");
        }
        else if (lookback > 0 && !PeriodPlaceholders.AsksForMonth(requestPath))
        {
            r.Error($"{path}.lookbackMonths", "chỉ dùng khi 'path' hỏi theo tháng ({period}, {year} hoặc {month}); nguồn không lọc theo tháng được đọc một lần mỗi lượt");
        }

        var fields = ReadFields(e, path, r);
        return new DossierSourceMapping
        {
            Path = requestPath,
            PeriodFormat = DateFormatRules.ReadPeriodFormat(e, path, r) ?? defaults.PeriodFormat,
            LookbackMonths = lookback ?? (PeriodPlaceholders.AsksForMonth(requestPath) ? defaults.LookbackMonths : 0),
            Paging = PagingReader.Read(e, path, r),
            Fields = fields,
            DateFormats = DateFormatRules.Read(e, path, "dateFormats", r, needDay: true) ?? defaults.DateFormats,
            Codes = ReadCodes(e, path, r, fields.Channel is not null),
        };
    }

    private static DossierFields ReadFields(JsonElement mapping, string path, JsonConfigReader r)
    {
        var d = new DossierFields();
        if (!mapping.TryGetProperty("fields", out var f) || f.ValueKind == JsonValueKind.Null)
        {
            return d;
        }

        string at = $"{path}.fields";
        if (f.ValueKind != JsonValueKind.Object)
        {
            r.Error(at, "phải là một đối tượng JSON: tên trường của từng thông tin hồ sơ");
            return d;
        }

        r.OnlyKnown(f, at, "id", "unit", "received", "due", "finished", "status", "channel", "fullOnline", "feeBearing", "paidOnline", "digitised");
        return new DossierFields
        {
            Id = Required(f, at, "id", d.Id, r), Unit = Required(f, at, "unit", d.Unit, r), Received = Required(f, at, "received", d.Received, r),
            Due = Required(f, at, "due", d.Due, r), Finished = Required(f, at, "finished", d.Finished, r), Status = Required(f, at, "status", d.Status, r),
            Channel = Optional(f, at, "channel", d.Channel, r), FullOnline = Optional(f, at, "fullOnline", d.FullOnline, r),
            FeeBearing = Optional(f, at, "feeBearing", d.FeeBearing, r), PaidOnline = Optional(f, at, "paidOnline", d.PaidOnline, r),
            Digitised = Optional(f, at, "digitised", d.Digitised, r),
        };
    }

    private static string Required(JsonElement f, string at, string name, string fallback, JsonConfigReader r)
    {
        if (f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Null)
        {
            r.Error($"{at}.{name}", "trường này bắt buộc, không được để null");
            return fallback;
        }

        return r.String(f, at, name, false) ?? fallback;
    }

    /// <summary>An optional fact: null in the file means the system does not have it.</summary>
    private static string? Optional(JsonElement f, string at, string name, string? fallback, JsonConfigReader r) =>
        !f.TryGetProperty(name, out var v) ? fallback
        : v.ValueKind == JsonValueKind.Null ? null
        : r.String(f, at, name, true) ?? fallback;

    private static DossierCodes ReadCodes(JsonElement mapping, string path, JsonConfigReader r, bool hasChannel)
    {
        var d = new DossierCodes();
        if (!mapping.TryGetProperty("codes", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return d;
        }

        string at = $"{path}.codes";
        if (c.ValueKind != JsonValueKind.Object)
        {
            r.Error(at, "phải là một đối tượng JSON (channels, onlineChannels, finishedStatuses, pendingStatuses, otherStatuses)");
            return d;
        }

        r.OnlyKnown(c, at, "channels", "onlineChannels", "finishedStatuses", "pendingStatuses", "otherStatuses");
        var codes = new DossierCodes
        {
            Channels = List(c, at, "channels", r) ?? d.Channels, OnlineChannels = List(c, at, "onlineChannels", r) ?? d.OnlineChannels,
            FinishedStatuses = List(c, at, "finishedStatuses", r) ?? d.FinishedStatuses, PendingStatuses = List(c, at, "pendingStatuses", r) ?? d.PendingStatuses,
            OtherStatuses = List(c, at, "otherStatuses", r, allowEmpty: true) ?? d.OtherStatuses,
        };
        if (hasChannel && codes.OnlineChannels.FirstOrDefault(o => !codes.Channels.Contains(o)) is { } stray)
        {
            r.Error($"{at}.onlineChannels", $"mã kênh '{stray}' không có trong 'channels'");
        }

        var statuses = codes.FinishedStatuses.Select(s => (s, "finishedStatuses")).Concat(codes.PendingStatuses.Select(s => (s, "pendingStatuses")))
            .Concat(codes.OtherStatuses.Select(s => (s, "otherStatuses")));
        foreach (var twice in statuses.GroupBy(s => s.Item1, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            r.Error(at, $"mã trạng thái '{twice.Key}' nằm ở nhiều danh sách ({string.Join(", ", twice.Select(s => s.Item2))}); mỗi mã chỉ thuộc một danh sách");
        }

        return codes;
    }

    /// <summary>A list of codes, each a JSON string or integer, compared as text.</summary>
    private static List<string>? List(JsonElement c, string at, string name, JsonConfigReader r, bool allowEmpty = false)
    {
        if (!c.TryGetProperty(name, out var array))
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array || (!allowEmpty && array.GetArrayLength() == 0))
        {
            r.Error($"{at}.{name}", allowEmpty ? "phải là mảng mã" : "phải là mảng có ít nhất một mã");
            return null;
        }

        var list = new List<string>();
        int i = 0;
        foreach (var code in array.EnumerateArray())
        {
            string? text = code.ValueKind switch
            {
                JsonValueKind.String => code.GetString()!.Trim(),
                JsonValueKind.Number => code.GetRawText(),
                _ => null,
            };
            if (string.IsNullOrEmpty(text))
            {
                r.Error($"{at}.{name}[{i}]", "mã phải là chuỗi không rỗng hoặc số");
            }
            else
            {
                list.Add(text);
            }

            i++;
        }

        return list;
    }
}
