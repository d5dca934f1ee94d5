using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KpiMonitor.Testing;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// A configuration folder for a province at national scale: the repository's KPIs, targets and sources, and a
/// generated tree of 5,000 units on the real level codes (province, department, district, commune), so the
/// level-based targets of <c>targets.json</c> apply as they would in a deployment.
/// </summary>
public static class NationalConfig
{
    public const int UnitCount = 5000;
    public const int DepartmentCount = 25;
    public const int DistrictCount = 50;
    public const string Province = "P";

    private static readonly string[] Departments =
    [
        "Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương",
        "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Sở Ngoại vụ", "Ban Quản lý các khu công nghiệp",
        "Đài Phát thanh và Truyền hình tỉnh", "Trường Chính trị tỉnh", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh",
        "Công an tỉnh", "Kho bạc Nhà nước tỉnh", "Ban Dân tộc tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Quỹ Phát triển đất tỉnh",
    ];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly string[] First = ["Yên", "Tân", "Phú", "Bình", "Hòa", "An", "Thanh", "Vĩnh", "Đông", "Tây", "Mỹ", "Long", "Thạnh", "Quảng"];
    private static readonly string[] Second = ["Lạc", "Sơn", "Thuận", "Hưng", "Xuân", "Lợi", "Phước", "Định"];

    public static string Department(int d) => $"{Province}.S{d + 1:D2}";

    public static string District(int d) => $"{Province}.H{d + 1:D2}";

    /// <summary>The levels of <c>units.json</c> that <c>targets.json</c> names.</summary>
    public static IReadOnlyList<(string Code, string NameVi, string NameEn)> ProvinceLevels { get; } =
    [
        ("province", "Cấp tỉnh", "Province"),
        ("department", "Sở, ban, ngành", "Provincial department"),
        ("district", "Cấp huyện", "District"),
        ("commune", "Cấp xã", "Commune"),
    ];

    /// <summary>Writes the province of 5,000 units (see <see cref="Write(string, IReadOnlyList{CatalogueUnit}, IReadOnlyList{ValueTuple{string, string, string}})"/>).</summary>
    public static void Write(string directory) => Write(directory, Units(), ProvinceLevels);

    /// <summary>
    /// Writes <c>kpis.json</c>, <c>targets.json</c>, <c>sources.json</c>, <c>units.json</c> (these units on these levels) and
    /// the anti-malware unit map into <paramref name="directory"/>.
    /// </summary>
    public static void Write(string directory, IReadOnlyList<CatalogueUnit> units, IReadOnlyList<(string Code, string NameVi, string NameEn)> levels)
    {
        Directory.CreateDirectory(Path.Combine(directory, "mappings"));
        foreach (string file in (string[])["kpis.json", "targets.json", "sources.json"])
        {
            File.Copy(Path.Combine(RepoPaths.Config, file), Path.Combine(directory, file), overwrite: true);
        }

        // The vendor example in sources.json maps two of Lai Châu's departments inline; here they are two of this province's.
        string sources = Path.Combine(directory, "sources.json");
        File.WriteAllText(sources, File.ReadAllText(sources)
            .Replace("\"LCU.S.STP\"", $"\"{Department(0)}\"", StringComparison.Ordinal)
            .Replace("\"LCU.S.STC\"", $"\"{Department(1)}\"", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(directory, "units.json"), JsonSerializer.Serialize(new
        {
            levels = levels.Select(l => new { code = l.Code, nameVi = l.NameVi, nameEn = l.NameEn }),
            units = units.Select(u => u.Parent is null
                ? (object)new { code = u.Code, nameVi = u.NameVi, level = u.Level }
                : new { code = u.Code, nameVi = u.NameVi, level = u.Level, parent = u.Parent }),
        }, Json));

        // sources.json names this map; the anti-malware console knows every unit by its own code.
        var map = new StringBuilder("sourceCode,unitCode\n");
        foreach (var unit in units)
        {
            map.Append("AM.").Append(unit.Code).Append(',').Append(unit.Code).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, "mappings", "antimalware.csv"), map.ToString());
    }

    /// <summary>The name of department <paramref name="d"/> (0 to <see cref="DepartmentCount"/> − 1) of a province.</summary>
    public static string DepartmentName(int d) => Departments[d];

    /// <summary>A commune's name from two syllables, the <paramref name="n"/>th of a fixed sequence (repeating after 112).</summary>
    public static string CommuneSyllables(int n) => $"{First[n % First.Length]} {Second[n / First.Length % Second.Length]}";

    private static List<CatalogueUnit> Units()
    {
        var units = new List<CatalogueUnit> { new(Province, "Tỉnh Bình An", "province", null) };
        for (int d = 0; d < DepartmentCount; d++)
        {
            units.Add(new(Department(d), Departments[d], "department", Province));
        }

        for (int d = 0; d < DistrictCount; d++)
        {
            string name = d == 0 ? "Thành phố Bình An" : $"Huyện {First[d % 10]} {Second[d / 10]}";
            units.Add(new(District(d), name, "district", Province));
        }

        // Communes go round the districts, about 98 each; names repeat across districts, as they do in life.
        for (int c = 0; units.Count < UnitCount; c++)
        {
            int district = c % DistrictCount, within = c / DistrictCount;
            units.Add(new($"{District(district)}.X{within + 1:D3}", $"Xã {CommuneSyllables(within)}", "commune", District(district)));
        }

        return units;
    }
}
