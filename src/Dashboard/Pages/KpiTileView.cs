using KpiMonitor.Dashboard.Overview;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>What the tile partial (Shared/_KpiTile) draws: a tile and the unit its links point at.</summary>
public sealed record KpiTileView(KpiTile Tile, string UnitCode);
