using System.Globalization;
using KpiMonitor.Benchmarks.Dashboard;

namespace KpiMonitor.Benchmarks.National;

/// <summary>
/// The nation after the merger of 1 July 2025: 34 provincial-level units under one root, each with the 25 departments
/// of <see cref="NationalConfig"/> and its communes, 3,321 in all (2,621 xã, 687 phường, 13 đặc khu). The communes per
/// province are close to the real ones and add up to the real total; their names are generated. Same units on every run.
/// </summary>
public static class NationalCatalogue
{
    public const string Root = "VN";
    public const int CommuneCount = 3321;
    public const int WardCount = 687;

    /// <summary>Levels: <c>targets.json</c> names province, department, district and commune; the nation is above them.</summary>
    public static IReadOnlyList<(string Code, string NameVi, string NameEn)> Levels { get; } =
        [("nation", "Toàn quốc", "Nation"), .. NationalConfig.ProvinceLevels];

    /// <summary>Code, name, whether a centrally run city, communes, its special zones (đặc khu).</summary>
    private static readonly (string Code, string Name, bool City, int Communes, string[] SpecialZones)[] Provinces =
    [
        ("HNI", "Hà Nội", true, 126, []),
        ("HUE", "Huế", true, 40, []),
        ("LCU", "Lai Châu", false, 38, []),
        ("DBN", "Điện Biên", false, 45, []),
        ("SLA", "Sơn La", false, 75, []),
        ("LSN", "Lạng Sơn", false, 65, []),
        ("QNH", "Quảng Ninh", false, 54, ["Vân Đồn", "Cô Tô"]),
        ("THA", "Thanh Hóa", false, 166, []),
        ("NAN", "Nghệ An", false, 130, []),
        ("HTH", "Hà Tĩnh", false, 69, []),
        ("CBG", "Cao Bằng", false, 56, []),
        ("TQG", "Tuyên Quang", false, 124, []),
        ("LCI", "Lào Cai", false, 99, []),
        ("TNN", "Thái Nguyên", false, 92, []),
        ("PTO", "Phú Thọ", false, 148, []),
        ("BNH", "Bắc Ninh", false, 99, []),
        ("HYN", "Hưng Yên", false, 104, []),
        ("HPG", "Hải Phòng", true, 114, ["Cát Hải", "Bạch Long Vĩ"]),
        ("NBH", "Ninh Bình", false, 129, []),
        ("QTI", "Quảng Trị", false, 78, ["Cồn Cỏ"]),
        ("DNG", "Đà Nẵng", true, 94, ["Hoàng Sa"]),
        ("QNI", "Quảng Ngãi", false, 96, ["Lý Sơn"]),
        ("GLI", "Gia Lai", false, 135, []),
        ("KHA", "Khánh Hòa", false, 65, ["Trường Sa"]),
        ("LDG", "Lâm Đồng", false, 124, ["Phú Quý"]),
        ("DLK", "Đắk Lắk", false, 102, []),
        ("HCM", "Hồ Chí Minh", true, 168, ["Côn Đảo"]),
        ("DNI", "Đồng Nai", false, 95, []),
        ("TNH", "Tây Ninh", false, 96, []),
        ("CTO", "Cần Thơ", true, 103, []),
        ("VLG", "Vĩnh Long", false, 124, []),
        ("DTP", "Đồng Tháp", false, 102, []),
        ("CMU", "Cà Mau", false, 64, []),
        ("AGG", "An Giang", false, 102, ["Phú Quốc", "Kiên Hải", "Thổ Châu"]),
    ];

    public static int ProvinceCount => Provinces.Length;

    /// <summary>The root, then per province: itself, its departments, its communes.</summary>
    public static IReadOnlyList<CatalogueUnit> Units()
    {
        if (Provinces.Sum(p => p.Communes) != CommuneCount || Provinces.Sum(p => p.SpecialZones.Length) != 13)
        {
            throw new InvalidOperationException("Danh mục quốc gia sai tổng số xã / the national catalogue's commune total is wrong");
        }

        var wards = Wards();
        var units = new List<CatalogueUnit> { new(Root, "Toàn quốc", "nation", null) };
        for (int p = 0; p < Provinces.Length; p++)
        {
            var (code, name, city, communes, zones) = Provinces[p];
            units.Add(new(code, (city ? "Thành phố " : "Tỉnh ") + name, "province", Root));
            for (int d = 0; d < NationalConfig.DepartmentCount; d++)
            {
                string department = NationalConfig.DepartmentName(d);
                units.Add(new(string.Create(CultureInfo.InvariantCulture, $"{code}.S{d + 1:D2}"),
                    city ? department.Replace(" tỉnh", " thành phố", StringComparison.Ordinal) : department, "department", code));
            }

            // Special zones first, then wards, then xã; the syllables start at a different place in every province.
            for (int c = 0; c < communes; c++)
            {
                string commune = c < zones.Length ? $"Đặc khu {zones[c]}"
                    : c < zones.Length + wards[p] ? $"Phường {NationalConfig.CommuneSyllables(c + (p * 7))}"
                    : $"Xã {NationalConfig.CommuneSyllables(c + (p * 7))}";
                units.Add(new(string.Create(CultureInfo.InvariantCulture, $"{code}.X{c + 1:D3}"), commune, "commune", code));
            }
        }

        return units;
    }

    /// <summary>Wards per province: half the communes of a city, fewer elsewhere, 687 in all.</summary>
    private static int[] Wards()
    {
        int cityCommunes = Provinces.Where(p => p.City).Sum(p => p.Communes - p.SpecialZones.Length);
        int otherCommunes = Provinces.Where(p => !p.City).Sum(p => p.Communes - p.SpecialZones.Length);
        int cityWards = cityCommunes / 2;
        var wards = Provinces.Select(p => (p.Communes - p.SpecialZones.Length) * (p.City ? cityWards : WardCount - cityWards) / (p.City ? cityCommunes : otherCommunes)).ToArray();
        // Rounding down leaves a few: one more to each province in turn.
        for (int p = 0; wards.Sum() < WardCount; p = (p + 1) % wards.Length)
        {
            wards[p]++;
        }

        return wards;
    }
}
