using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Configuration;

/// <summary>The shipped demo province must load and cover the whole catalogue of DOMAIN.md.</summary>
public sealed class DemoConfigTests
{
    private static readonly string[] CoreKpis =
    [
        "e_document_rate", "digital_signature_rate", "antimalware_coverage", "computer_per_staff_rate", "online_work_record_rate",
        "online_dossier_rate", "full_online_dossier_rate", "on_time_rate", "late_dossiers", "dossiers_received", "dossiers_pending",
        "full_online_service_coverage", "digitization_rate", "online_payment_rate", "satisfaction_rate", "score_766",
        "par_plan_progress", "reform_inspection_coverage", "par_index_rank", "ict_index_rank",
    ];

    private readonly Catalog _catalog = CatalogLoader.Load(RepoPaths.Config);

    [Fact]
    public void DemoCatalogue_HasEveryCoreKpi_WithVietnameseNames()
    {
        Assert.All(CoreKpis, code => Assert.NotNull(_catalog.Kpis.Find(code)));
        Assert.All(_catalog.Kpis.All, k => Assert.Matches("[àáảãạăâđèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]", k.NameVi.ToLowerInvariant()));
    }

    [Fact]
    public void DemoProvince_HasRealisticShape_BeforeAndAfterTheReform()
    {
        var before = _catalog.Units.AsOf(new DateOnly(2025, 1, 1));
        var after = _catalog.Units.AsOf(new DateOnly(2025, 7, 1));
        var province = Assert.Single(before.Roots);

        var levelsBefore = before.SubtreeOf(province.Code).GroupBy(c => _catalog.Units.Find(c)!.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(levelsBefore["department"], 15, 40);
        Assert.InRange(levelsBefore["district"], 3, 15);
        Assert.InRange(levelsBefore["commune"], 90, 600);
        Assert.DoesNotContain(after.SubtreeOf(province.Code), c => _catalog.Units.Find(c)!.Level == "district");
        Assert.Equal(levelsBefore["commune"], after.SubtreeOf(province.Code).Count(c => _catalog.Units.Find(c)!.Level == "commune"));
    }

    [Fact]
    public void EveryJudgedKpi_HasATargetForTheDemoYears()
    {
        var province = _catalog.Units.AsOf(new DateOnly(2026, 1, 1)).Roots[0];
        foreach (var kpi in _catalog.Kpis.All.Where(k => k.Direction != Direction.Neutral && CoreKpis.Contains(k.Code)))
        {
            foreach (int year in new[] { 2025, 2026 })
            {
                Assert.True(_catalog.Targets.For(kpi.Code, province, year) is not null, $"{kpi.Code} has no target for {year}");
            }
        }
    }
}
