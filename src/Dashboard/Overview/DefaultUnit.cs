using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>The unit a page, chart, export or API call is about: the one asked for, otherwise the top of today's tree.</summary>
public static class DefaultUnit
{
    /// <summary><paramref name="unit"/>, or the province (the tree's top today in Vietnam); "" when the tree is empty.</summary>
    public static string Or(this Catalog catalog, string? unit, TimeProvider time) =>
        unit ?? catalog.Units.TopOn(VietnamTime.DateOf(time.GetUtcNow())) ?? "";
}
