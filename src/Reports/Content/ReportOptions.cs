using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Reports.Content;

/// <summary>Who issues the monthly report and how long its lists are, bound from the <c>Reports</c> section.</summary>
public sealed record ReportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>The body above the issuing one in the heading block, for example "UBND TỈNH LAI CHÂU"; empty for "UBND" and the top unit's name.</summary>
    public string? ParentBody { get; init; }

    /// <summary>The issuing body, for example "SỞ KHOA HỌC VÀ CÔNG NGHỆ".</summary>
    [Required]
    public string IssuingBody { get; init; } = "SỞ KHOA HỌC VÀ CÔNG NGHỆ";

    /// <summary>The abbreviation after "BC-" in the number the clerk fills in, for example "SKHCN".</summary>
    [Required]
    [RegularExpression(@"^[\p{Lu}0-9Đ&-]{1,20}$", ErrorMessage = "Reports:DocumentCode phải là chữ in hoa, không dấu cách (ví dụ SKHCN).")]
    public string DocumentCode { get; init; } = "SKHCN";

    /// <summary>The place in "&lt;Place&gt;, ngày … tháng … năm …"; empty for the top unit's name without "Tỉnh" or "Thành phố".</summary>
    public string? Place { get; init; }

    /// <summary>The signing title at the bottom right, for example "GIÁM ĐỐC"; the clerk adds the name.</summary>
    [Required]
    public string SignerTitle { get; init; } = "GIÁM ĐỐC";

    /// <summary>"Nơi nhận:" lines; empty for the usual "UBND tỉnh (b/c);" and "Lưu: VT.".</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>How many units the top and the bottom of a league table each show.</summary>
    [Range(1, 50)]
    public int LeagueSize { get; init; } = 5;

    /// <summary>How many biggest improvements and falls the report names for each comparison.</summary>
    [Range(1, 20)]
    public int Movements { get; init; } = 3;

    /// <summary>How many units without a figure the summary names; the others are counted there and listed in section V and the workbook.</summary>
    [Range(1, 500)]
    public int MissingNamed { get; init; } = 10;

    /// <summary>These options with the heading's empty parts taken from the top unit of the tree: "UBND TỈNH LAI CHÂU", "Lai Châu".</summary>
    public ReportOptions WithHeadingOf(string topUnitName) => this with
    {
        ParentBody = string.IsNullOrWhiteSpace(ParentBody) ? $"UBND {topUnitName}" : ParentBody,
        Place = string.IsNullOrWhiteSpace(Place) ? PlaceOf(topUnitName) : Place,
    };

    // A Vietnamese administrative document names the place without its kind: "Tỉnh Lai Châu" → "Lai Châu".
    private static string PlaceOf(string name)
    {
        foreach (var kind in new[] { "Thành phố ", "Tỉnh " })
        {
            if (name.StartsWith(kind, StringComparison.OrdinalIgnoreCase) && name.Length > kind.Length)
            {
                return name[kind.Length..];
            }
        }

        return name;
    }
}
