namespace KpiMonitor.Dashboard.Tests.Browser;

/// <summary>Every browser test joins this collection: one demo dashboard (it owns port 5090) and one Chromium serve them all.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DemoDashboardFixture>
{
    public const string Name = "browser";
}
