using System.Text.Json;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads one entry of <c>sources.json</c>.</summary>
internal static partial class SourceEntryReader
{
    private static readonly Dictionary<string, SourceKind> Kinds = new(StringComparer.Ordinal)
    {
        ["eoffice"] = SourceKind.EOffice, ["onestop-stats"] = SourceKind.OneStopStatistics, ["onestop-dossiers"] = SourceKind.OneStopDossiers,
        ["antimalware"] = SourceKind.AntiMalware, ["portal766"] = SourceKind.Portal766, ["http-json"] = SourceKind.HttpJson,
        ["drop-folder"] = SourceKind.DropFolder,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex CodePattern();

    public static SourceDefinition? Read(JsonElement e, string path, JsonConfigReader r, SourceLoadContext context)
    {
        r.OnlyKnown(e, path, "code", "nameVi", "kind", "enabled", "schedule", "baseUrl", "auth", "timeoutSeconds", "pageSize", "months",
            "unitMap", "unitMapFile", "staleAfterHours", "mapping", "folder");
        string? code = r.String(e, path, "code", true);
        if (code is not null && !CodePattern().IsMatch(code))
        {
            r.Error($"{path}.code", $"mã nguồn '{code}' chỉ được gồm chữ thường, số, '-' và '_'");
        }

        string? nameVi = r.String(e, path, "nameVi", true);
        var kind = r.Choice(e, path, "kind", true, Kinds);
        string? schedule = r.String(e, path, "schedule", true);
        if (schedule is not null && context.CheckSchedule?.Invoke(schedule) is { } scheduleProblem)
        {
            r.Error($"{path}.schedule", scheduleProblem);
        }

        bool enabled = !e.TryGetProperty("enabled", out var en) || en.ValueKind != JsonValueKind.False;
        Uri? baseUrl = ReadBaseUrl(e, path, r, kind);
        var auth = SourceAuthReader.Read(e, path, r, context, enabled);
        int timeout = r.Integer(e, path, "timeoutSeconds", false) ?? 30;
        int pageSize = r.Integer(e, path, "pageSize", false) ?? 200;
        int months = r.Integer(e, path, "months", false) ?? 2;
        int staleHours = r.Integer(e, path, "staleAfterHours", false) ?? 48;
        CheckRange(r, $"{path}.timeoutSeconds", timeout, 1, 600);
        CheckRange(r, $"{path}.pageSize", pageSize, 1, 500);
        CheckRange(r, $"{path}.months", months, 1, 36);
        CheckRange(r, $"{path}.staleAfterHours", staleHours, 1, 24 * 400);
        var unitMap = UnitMapReader.Read(e, path, r, context);
        var mapping = kind == SourceKind.HttpJson ? JsonMappingReader.Read(e, path, r, context.Catalog) : null;
        var dossierMapping = kind == SourceKind.OneStopDossiers ? DossierMappingReader.Read(e, path, r) : DossierSourceMapping.NationalSync;
        if (kind is not (null or SourceKind.HttpJson or SourceKind.OneStopDossiers) && e.TryGetProperty("mapping", out _))
        {
            r.Error($"{path}.mapping", "chỉ nguồn loại http-json và onestop-dossiers có mục mapping; loại này đọc theo dạng cố định (docs/source-apis.md)");
        }

        string? folder = r.String(e, path, "folder", kind == SourceKind.DropFolder);

        if (code is null || nameVi is null || kind is null || schedule is null)
        {
            return null;
        }

        return new SourceDefinition
        {
            Code = code, NameVi = nameVi, Kind = kind.Value, Enabled = enabled, Schedule = schedule, BaseUrl = baseUrl, Auth = auth,
            Timeout = TimeSpan.FromSeconds(timeout), PageSize = pageSize, Months = months, UnitMap = unitMap,
            StaleAfter = TimeSpan.FromHours(staleHours), Mapping = mapping, DossierMapping = dossierMapping, Folder = folder,
        };
    }

    private static Uri? ReadBaseUrl(JsonElement e, string path, JsonConfigReader r, SourceKind? kind)
    {
        bool needsUrl = kind is not null and not SourceKind.DropFolder;
        string? text = r.String(e, path, "baseUrl", needsUrl);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            r.Error($"{path}.baseUrl", $"'{text}' không phải địa chỉ http:// hoặc https:// đầy đủ");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            r.Error($"{path}.baseUrl", "không ghi tên đăng nhập hoặc mật khẩu trong địa chỉ; dùng mục auth");
            return null;
        }

        return uri;
    }

    private static void CheckRange(JsonConfigReader r, string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            r.Error(path, $"giá trị {value} phải trong khoảng {min}–{max}");
        }
    }
}
