using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KpiMonitor.Benchmarks.Dashboard;

namespace KpiMonitor.Benchmarks.Reports;

/// <summary>
/// A configuration folder for one province as issue #12 sizes it: 150 units on the real level codes (the province, its
/// 25 departments and 124 communes directly under it, as after the 2025 reform), the repository's KPIs, targets and sources.
/// </summary>
public static class ProvinceConfig
{
    public const int UnitCount = 150;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly string[] First = ["Yên", "Tân", "Phú", "Bình", "Hòa", "An", "Thanh", "Vĩnh", "Đông", "Tây", "Mỹ", "Long", "Thạnh", "Quảng"];
    private static readonly string[] Second = ["Lạc", "Sơn", "Thuận", "Hưng", "Xuân", "Lợi", "Phước", "Định", "Giang", "Bắc"];

    /// <summary>Writes <c>kpis.json</c>, <c>targets.json</c>, <c>sources.json</c>, <c>units.json</c> and the anti-malware unit map into <paramref name="directory"/>.</summary>
    public static void Write(string directory)
    {
        // The national folder gives the files and the unit map's layout; units.json is replaced by the province's tree.
        NationalConfig.Write(directory);
        var units = new List<object> { new { code = NationalConfig.Province, nameVi = "Tỉnh Bình An", level = "province" } };
        var codes = new List<string> { NationalConfig.Province };
        for (int d = 0; d < NationalConfig.DepartmentCount; d++)
        {
            units.Add(new { code = NationalConfig.Department(d), nameVi = $"Sở số {d + 1}", level = "department", parent = NationalConfig.Province });
            codes.Add(NationalConfig.Department(d));
        }

        for (int c = 0; units.Count < UnitCount; c++)
        {
            string code = $"{NationalConfig.Province}.X{c + 1:D3}";
            units.Add(new { code, nameVi = $"Xã {First[c % First.Length]} {Second[c / First.Length % Second.Length]}", level = "commune", parent = NationalConfig.Province });
            codes.Add(code);
        }

        File.WriteAllText(Path.Combine(directory, "units.json"), JsonSerializer.Serialize(new
        {
            levels = new[]
            {
                new { code = "province", nameVi = "Cấp tỉnh", nameEn = "Province" },
                new { code = "department", nameVi = "Sở, ban, ngành", nameEn = "Provincial department" },
                new { code = "district", nameVi = "Cấp huyện", nameEn = "District" },
                new { code = "commune", nameVi = "Cấp xã", nameEn = "Commune" },
            },
            units,
        }, Json));

        var map = new StringBuilder("sourceCode,unitCode\n");
        foreach (string code in codes)
        {
            map.Append("AM.").Append(code).Append(',').Append(code).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, "mappings", "antimalware.csv"), map.ToString());
    }
}
