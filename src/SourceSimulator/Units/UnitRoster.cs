using System.Collections.Concurrent;
using System.Globalization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.SourceSimulator.Figures;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Units;

/// <summary>
/// The units the simulated systems know, and which of them report in a month: those existing on the
/// month's first day (the day <c>OrgTree.AsOf</c> uses for a period). Roots report the 766 index only;
/// every other unit (departments, districts' own offices until the reform, communes) reports everywhere.
/// </summary>
public sealed class UnitRoster
{
    private readonly SimUnit[] _all;
    private readonly ConcurrentDictionary<int, SimUnit[]> _reporting = new();
    private readonly ConcurrentDictionary<int, SimUnit[]> _portal = new();

    private UnitRoster(SimUnit[] all, ulong seed)
    {
        _all = all;
        TestLab = new SimUnit("TEST-LAB", "Nhóm máy thử nghiệm (phòng lab)", UnitKind.Commune, null, null, Dice.Combine(seed, Dice.Hash("TEST-LAB")));
        AntiMalwareMapping = all.Where(u => u.Kind != UnitKind.Province)
            .Select(u => new CodeMapping(AntiMalwareFigures.Prefix + u.Code, u.Code))
            .ToArray();
    }

    /// <summary>The anti-malware console's extra machine group that stands for no unit (<c>AM.TEST-LAB</c>).</summary>
    public const string TestLabOrgCode = "AM.TEST-LAB";

    /// <summary>Every unit ever known, in catalogue (or synthetic) order.</summary>
    public IReadOnlyList<SimUnit> All => _all;

    /// <summary>The console's own code for every non-root unit ever known (<c>AM.</c> + catalogue code).</summary>
    public IReadOnlyList<CodeMapping> AntiMalwareMapping { get; }

    /// <summary>The pseudo-unit behind <see cref="TestLabOrgCode"/>; its figures are drawn like a commune's.</summary>
    public SimUnit TestLab { get; }

    /// <summary>Units from the catalogue; a level called department, district or commune sizes its units, any other level is sized like communes.</summary>
    public static UnitRoster FromCatalog(Catalog catalog, int seed)
    {
        var units = catalog.Units.Units.Select(u => new SimUnit(
            u.Code,
            u.NameVi,
            u.Parents.All(p => p.ParentCode is null) ? UnitKind.Province : KindOf(u.Level),
            u.ValidFrom,
            u.ValidTo,
            Dice.Combine((ulong)seed, Dice.Hash(u.Code))));
        return new UnitRoster(units.ToArray(), (ulong)seed);
    }

    /// <summary>A national-scale roster: codes N.00001…, about 15 % departments, the rest communes, all existing throughout.</summary>
    public static UnitRoster Synthetic(int count, int seed)
    {
        var units = new SimUnit[count];
        for (int i = 1; i <= count; i++)
        {
            string code = string.Create(CultureInfo.InvariantCulture, $"N.{i:D5}");
            bool department = Dice.Combine((ulong)seed, 0x5EC7, (ulong)i) % 100 < 15;
            string name = department
                ? string.Create(CultureInfo.InvariantCulture, $"Sở Thử nghiệm số {i}")
                : string.Create(CultureInfo.InvariantCulture, $"Xã Thử nghiệm {i:D5}, Tỉnh số {1 + (i % 34)}");
            units[i - 1] = new SimUnit(code, name, department ? UnitKind.Department : UnitKind.Commune, null, null,
                Dice.Combine((ulong)seed, Dice.Hash(code)));
        }

        return new UnitRoster(units, (ulong)seed);
    }

    /// <summary>Units that report e-office, one-stop and anti-malware figures for the month.</summary>
    public IReadOnlyList<SimUnit> Reporting(MonthPeriod period) =>
        _reporting.GetOrAdd(period.Index, _ => _all.Where(u => u.Kind != UnitKind.Province && u.ExistsOn(period.FirstDay)).ToArray());

    /// <summary>Units that have a 766 index for the month: the reporting ones and the roots.</summary>
    public IReadOnlyList<SimUnit> Portal(MonthPeriod period) =>
        _portal.GetOrAdd(period.Index, _ => _all.Where(u => u.ExistsOn(period.FirstDay)).ToArray());

    /// <summary>The anti-malware mapping as CSV: header <c>sourceCode,unitCode</c>, one line per unit.</summary>
    public string AntiMalwareMappingCsv()
    {
        var csv = new System.Text.StringBuilder("sourceCode,unitCode\n");
        foreach (var line in AntiMalwareMapping)
        {
            csv.Append(line.SourceCode).Append(',').Append(line.UnitCode).Append('\n');
        }

        return csv.ToString();
    }

    private static UnitKind KindOf(string level) => level.ToUpperInvariant() switch
    {
        "DEPARTMENT" => UnitKind.Department,
        "DISTRICT" => UnitKind.District,
        _ => UnitKind.Commune,
    };
}
