using System.Text.Json;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>
/// One dossier, read strictly through the source's <see cref="DossierSourceMapping"/>: a bad field rejects the
/// dossier. Dates are Vietnamese local time. <see cref="Online"/> and the flags are false when the mapping says the
/// system does not have them (their KPIs are then not produced).
/// </summary>
internal sealed record DossierRecord(DateTime Received, DateTime Due, DateTime? Finished, DossierState State, bool Online, bool FullOnline, bool FeeBearing, bool PaidOnline, bool Digitised)
{
    /// <summary>Reads the dates and the status: enough to know which months the dossier counts in.</summary>
    public static (DateTime Received, DateTime Due, DateTime? Finished, DossierState State)? ReadDates(JsonElement item, DossierSourceMapping mapping, RecordBuilder record)
    {
        var fields = mapping.Fields;
        var received = Date(item, fields.Received, mapping, record, required: true);
        var due = Date(item, fields.Due, mapping, record, required: true);
        var finished = Date(item, fields.Finished, mapping, record, required: false);
        string status = record.Text(JsonPath.Parent(item, fields.Status), JsonPath.Leaf(fields.Status));
        if (record.Failed)
        {
            return null;
        }

        var codes = mapping.Codes;
        DossierState? state = codes.FinishedStatuses.Contains(status) ? DossierState.Finished
            : codes.PendingStatuses.Contains(status) ? DossierState.Pending
            : codes.OtherStatuses.Contains(status) ? DossierState.Other
            : null;
        if (state is null)
        {
            record.Fail(fields.Status, $"mã trạng thái '{status}' không có trong cấu hình (finishedStatuses, pendingStatuses, otherStatuses)");
            return null;
        }

        if (state == DossierState.Finished && finished is null)
        {
            record.Fail(fields.Finished, "hồ sơ đã giải quyết nhưng thiếu ngày kết thúc xử lý");
            return null;
        }

        return (received!.Value, due!.Value, state == DossierState.Finished ? finished : null, state.Value);
    }

    /// <summary>Reads the rest of a dossier whose dates <see cref="ReadDates"/> gave.</summary>
    public static DossierRecord? Read(JsonElement item, (DateTime Received, DateTime Due, DateTime? Finished, DossierState State) dates, DossierSourceMapping mapping, RecordBuilder record)
    {
        var fields = mapping.Fields;
        bool online = false;
        if (fields.Channel is { } channelPath)
        {
            string channel = record.Text(JsonPath.Parent(item, channelPath), JsonPath.Leaf(channelPath));
            if (!record.Failed && !mapping.Codes.Channels.Contains(channel))
            {
                record.Fail(channelPath, $"mã kênh '{channel}' không có trong cấu hình (channels: {string.Join(", ", mapping.Codes.Channels)})");
            }

            online = mapping.Codes.OnlineChannels.Contains(channel);
        }

        bool fullOnline = Flag(item, fields.FullOnline, record);
        bool fee = Flag(item, fields.FeeBearing, record);
        bool paid = Flag(item, fields.PaidOnline, record);
        bool digitised = Flag(item, fields.Digitised, record);
        return record.Failed ? null : new DossierRecord(dates.Received, dates.Due, dates.Finished, dates.State, online, fullOnline, fee, paid, digitised);
    }

    private static DateTime? Date(JsonElement item, string path, DossierSourceMapping mapping, RecordBuilder record, bool required)
    {
        string field = JsonPath.Leaf(path);
        var parent = JsonPath.Parent(item, path);
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null
            || (e.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(e.GetString())))
        {
            if (required)
            {
                record.Fail(path, "thiếu ngày");
            }

            return null;
        }

        string text = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
        if (SourceDates.TryParse(text, mapping.DateFormats, out var date))
        {
            return date;
        }

        record.Fail(path, $"'{(text.Length > 40 ? text[..40] + "…" : text)}' không phải ngày dạng {SourceDates.Describe(mapping.DateFormats)}");
        return null;
    }

    private static bool Flag(JsonElement item, string? path, RecordBuilder record)
    {
        if (path is null || record.Failed)
        {
            return false;
        }

        var parent = JsonPath.Parent(item, path);
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(JsonPath.Leaf(path), out var e))
        {
            // Strict: a missing flag would otherwise count silently as "no" and bend the rates.
            record.Fail(path, "thiếu trường");
            return false;
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.Number => e.GetRawText() != "0",
            JsonValueKind.String when e.GetString()?.Trim() is "1" or "true" or "True" => true,
            JsonValueKind.String when e.GetString()?.Trim() is "0" or "false" or "False" or "" => false,
            _ => Fail(record, path, e),
        };
    }

    private static bool Fail(RecordBuilder record, string path, JsonElement e)
    {
        string raw = e.GetRawText();
        record.Fail(path, $"không phải giá trị đúng/sai: {(raw.Length > 40 ? raw[..40] + "…" : raw)}");
        return false;
    }
}
