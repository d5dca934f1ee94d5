using System.Globalization;
using System.Text.Json;

namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>One dossier in the national sync shape, read strictly: a bad field rejects the dossier.</summary>
internal sealed record DossierRecord(string Unit, int Channel, bool FullOnline, DateTime Due, DateTime? Finished, int Status, bool FeeBearing, bool PaidOnline, bool Digitised)
{
    private static readonly string[] DateFormats = ["yyyyMMddHHmmss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss"];

    public bool IsFinished => Status is 9 or 10;

    public bool IsPending => Status is 2 or 4 or 5 or 6;

    public static DossierRecord? Read(JsonElement item, string unit, RecordBuilder record)
    {
        int channel = (int)record.Number(item, "KenhThucHien");
        int status = (int)record.Number(item, "TrangThaiHoSo");
        var due = Date(item, "NgayHenTra", record, required: true);
        var finished = Date(item, "NgayKetThucXuLy", record, required: false);
        bool fullOnline = Flag(item, "ToanTrinh", record);
        bool fee = Flag(item, "CoPhi", record);
        bool paid = Flag(item, "DuocThanhToanTrucTuyen", record);
        bool digitised = Flag(item, "HoSoCoThanhPhanSoHoa", record);
        if (!record.Failed && channel is < 1 or > 3)
        {
            record.Fail("KenhThucHien", $"giá trị {channel} ngoài 1–3");
        }

        if (!record.Failed && status is < 1 or > 10)
        {
            record.Fail("TrangThaiHoSo", $"giá trị {status} ngoài 1–10");
        }

        if (!record.Failed && status is 9 or 10 && finished is null)
        {
            record.Fail("NgayKetThucXuLy", "hồ sơ đã giải quyết nhưng thiếu ngày kết thúc xử lý");
        }

        return record.Failed ? null : new DossierRecord(unit, channel, fullOnline, due!.Value, finished, status, fee, paid, digitised);
    }

    private static DateTime? Date(JsonElement item, string field, RecordBuilder record, bool required)
    {
        if (!item.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null || (e.ValueKind == JsonValueKind.String && e.GetString() is ""))
        {
            if (required)
            {
                record.Fail(field, "thiếu ngày");
            }

            return null;
        }

        string text = e.ValueKind switch
        {
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.String => e.GetString() ?? "",
            _ => e.GetRawText(),
        };
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        record.Fail(field, $"'{text}' không phải ngày dạng yyyyMMddHHmmss");
        return null;
    }

    private static bool Flag(JsonElement item, string field, RecordBuilder record)
    {
        if (!item.TryGetProperty(field, out var e))
        {
            // Strict: a missing flag would otherwise count silently as "no" and bend the rates.
            record.Fail(field, "thiếu trường");
            return false;
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.Number => e.GetRawText() != "0",
            JsonValueKind.String when e.GetString() is "1" or "true" or "True" => true,
            JsonValueKind.String when e.GetString() is "0" or "false" or "False" or "" => false,
            _ => Fail(record, field, e),
        };
    }

    private static bool Fail(RecordBuilder record, string field, JsonElement e)
    {
        record.Fail(field, $"không phải giá trị đúng/sai: {e.GetRawText()}");
        return false;
    }
}
