using System.Globalization;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Shared.Units;

/// <summary>An organisational unit: the province, a department, a district or a commune.</summary>
public sealed record OrgUnit
{
    /// <summary>Stable code used in the store and in URLs.</summary>
    public required string Code { get; init; }

    /// <summary>Vietnamese name, for example "Xã Bản Giang".</summary>
    public required string NameVi { get; init; }

    /// <summary>English name; falls back to the Vietnamese one.</summary>
    public string? NameEn { get; init; }

    /// <summary>Code of the unit's level.</summary>
    public required string Level { get; init; }

    /// <summary>First day the unit exists (local date), or null for "always".</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day the unit exists (local date, inclusive), or null for "still exists".</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Where the unit sits, in date order; the first entry applies from the unit's start.</summary>
    public required IReadOnlyList<ParentLink> Parents { get; init; }

    /// <summary>Whether the unit exists on that local date.</summary>
    public bool ExistsOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);

    /// <summary>The parent code on that local date, or null for a root.</summary>
    public string? ParentOn(DateOnly date)
    {
        string? parent = Parents.Count > 0 ? Parents[0].ParentCode : null;
        foreach (var link in Parents)
        {
            if (link.From <= date)
            {
                parent = link.ParentCode;
            }
        }

        return parent;
    }

    /// <summary>The name in <paramref name="culture"/>'s language: English when it is English and the unit has an English name, otherwise Vietnamese.</summary>
    public string Name(CultureInfo culture) => Cultures.IsEnglish(culture) && !string.IsNullOrEmpty(NameEn) ? NameEn : NameVi;
}
