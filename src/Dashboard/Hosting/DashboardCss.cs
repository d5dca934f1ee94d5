namespace KpiMonitor.Dashboard.Hosting;

/// <summary>The stylesheet, served from code so the app needs no static-file folder beside the binary.</summary>
public static class DashboardCss
{
    public const string Text = """
        :root { --ink:#1c2733; --muted:#5b6875; --line:#d9dee4; --bg:#f5f7f9; --brand:#0b4f8a; --met:#1e7a3a; --risk:#b26a00; --miss:#b3261e; --none:#6b7785; }
        * { box-sizing: border-box; }
        body { margin:0; font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; color:var(--ink); background:var(--bg); font-size:15px; }
        header { background:var(--brand); color:#fff; padding:8px 24px; display:flex; flex-wrap:wrap; align-items:center; gap:6px 18px; }
        header a, header .user, header button { white-space:nowrap; }
        header a { color:#fff; text-decoration:none; }
        header a:hover { text-decoration:underline; }
        header .app { font-weight:600; font-size:18px; line-height:1.15; }
        header .app small { display:block; font-weight:400; font-size:12px; opacity:.85; }
        header nav { display:flex; flex-wrap:wrap; gap:4px 14px; flex:1 1 auto; }
        header nav a { padding:6px 0; border-bottom:3px solid transparent; }
        header nav a[aria-current] { border-bottom-color:#fff; font-weight:600; }
        header .account { display:flex; flex-wrap:wrap; align-items:center; gap:6px 12px; margin-left:auto; }
        header .user { font-size:14px; opacity:.85; }
        header form { margin:0; }
        header button { background:transparent; border:1px solid #fff8; color:#fff; border-radius:4px; padding:4px 10px; cursor:pointer; }
        @media (max-width: 1180px) { header nav { order:3; flex-basis:100%; } }
        main { padding:20px 24px; max-width:1400px; margin:0 auto; }
        h1 { font-size:22px; margin:4px 0 16px; }
        .filters { display:flex; gap:12px; align-items:end; margin-bottom:16px; flex-wrap:wrap; }
        .filters label { display:flex; flex-direction:column; font-size:13px; color:var(--muted); gap:4px; }
        select, input, button { font:inherit; padding:6px 8px; border:1px solid var(--line); border-radius:4px; background:#fff; }
        button.primary { background:var(--brand); color:#fff; border-color:var(--brand); cursor:pointer; }
        .tiles { display:grid; grid-template-columns:repeat(auto-fill, minmax(290px, 1fr)); gap:14px; }
        .tile { background:#fff; border:1px solid var(--line); border-left:6px solid var(--none); border-radius:6px; padding:12px 14px; color:inherit; text-decoration:none; display:block; }
        .tile:hover { box-shadow:0 2px 8px #0002; }
        .tile .name { font-weight:600; min-height:2.6em; }
        .tile .value { font-size:28px; font-weight:600; margin:6px 0 2px; }
        .tile .meta { color:var(--muted); font-size:13px; }
        .tile .meta.status { display:flex; flex-wrap:wrap; align-items:center; gap:2px 10px; margin-bottom:2px; }
        .tile img { display:block; width:100%; height:auto; margin-top:6px; }
        .Met { border-left-color:var(--met); } .AtRisk { border-left-color:var(--risk); border-left-style:dashed; } .Missed { border-left-color:var(--miss); border-left-style:double; border-left-width:8px; }
        .badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; color:#fff; background:var(--none); }
        .badge.Met { background:var(--met); } .badge.AtRisk { background:var(--risk); } .badge.Missed { background:var(--miss); }
        table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
        th, td { padding:7px 10px; border-bottom:1px solid var(--line); text-align:left; }
        td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
        td.num, .nowrap { white-space:nowrap; }
        @media (min-width: 1000px) { table.ranking th { white-space:nowrap; } }
        .chart { background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px; margin-bottom:16px; }
        .chart picture { display:block; }
        .chart img { max-width:100%; height:auto; display:block; margin:0 auto; }
        .note { color:var(--muted); font-size:13px; }
        h1 a, h2 a { color:inherit; }
        h2 { font-size:18px; margin:22px 0 10px; }
        code { font-family:"DejaVu Sans Mono", Consolas, monospace; font-size:12px; color:var(--muted); }
        .badge.stale { background:var(--miss); } .badge.fresh { background:var(--met); }
        .downloads { margin:6px 0 10px; font-size:14px; }
        .scroll { overflow-x:auto; }
        table.sources td { vertical-align:top; font-size:14px; }
        table.sources .badge, table.sources code, td.time { white-space:nowrap; }
        td.error-text { min-width:16em; max-width:320px; overflow-wrap:anywhere; color:var(--miss); font-size:13px; }
        a.unit-link { font-size:12px; color:var(--muted); margin-left:6px; }
        dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:4px 16px; margin:0 0 16px; }
        dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
        ul.children { columns:3 240px; padding-left:18px; margin:0; }
        ul.children li { margin:2px 0; }
        .login { max-width:380px; margin:80px auto; background:#fff; border:1px solid var(--line); border-radius:8px; padding:28px; }
        .login label { display:flex; flex-direction:column; gap:4px; margin-bottom:12px; }
        .error { color:var(--miss); margin-bottom:12px; }
        nav.levels { display:flex; flex-wrap:wrap; gap:6px 14px; align-items:baseline; margin:6px 0 10px; font-size:14px; }
        nav.levels span { color:var(--muted); }
        nav.levels a[aria-current] { font-weight:600; color:var(--ink); text-decoration:none; border-bottom:2px solid var(--brand); }
        table.ranking th a { color:inherit; text-decoration:none; }
        table.ranking th a:hover { text-decoration:underline; }
        table.ranking th[aria-sort] { background:#eef2f6; }
        p.current { background:#fff; border:1px solid var(--line); border-left:4px solid var(--brand); border-radius:4px; padding:8px 12px; margin:0 0 12px; }
        table.figures code { margin-left:6px; }
        header .alerts-link { display:inline-flex; align-items:center; gap:6px; }
        .alert-badge { display:inline-block; min-width:22px; padding:0 7px; border-radius:11px; background:#ffffff33; color:#fff; font-size:12px; font-weight:700; line-height:20px; text-align:center; }
        .alert-badge.firing { background:#d93025; box-shadow:0 0 0 2px #fff6; }
        p.evaluation { color:var(--muted); margin:-8px 0 12px; font-size:14px; }
        p.done { background:#e8f4ec; border:1px solid #b9dcc4; border-left:4px solid var(--met); border-radius:4px; padding:8px 12px; }
        .error ul, .delivery-failures ul { margin:4px 0 0; padding-left:20px; }
        .delivery-failures { background:#fdf3e1; border:1px solid #f0d3a0; border-left:4px solid var(--risk); border-radius:4px; padding:8px 12px; margin-bottom:12px; font-size:14px; }
        .filters a.clear { align-self:center; font-size:14px; color:var(--muted); }
        form.alert-filters select { max-width:22em; }
        nav.tabs { display:flex; flex-wrap:wrap; gap:0; border-bottom:2px solid var(--line); margin:4px 0 0; }
        nav.tabs a { padding:9px 16px; color:var(--ink); text-decoration:none; border:1px solid transparent; border-bottom:none; border-radius:6px 6px 0 0; margin-bottom:-2px; }
        nav.tabs a:hover { background:#eef2f6; }
        nav.tabs a[aria-current] { background:#fff; border-color:var(--line); border-bottom:2px solid #fff; font-weight:600; color:var(--brand); }
        nav.tabs .count { display:inline-block; margin-left:4px; padding:0 7px; border-radius:10px; background:#e4e9ee; font-size:12px; color:var(--ink); }
        section.tab-panel { background:#fff; border:1px solid var(--line); border-top:none; padding:14px 16px 18px; margin-bottom:20px; }
        section.tab-panel > .note:first-child { margin-top:0; }
        p.empty { padding:18px; text-align:center; color:var(--muted); background:var(--bg); border-radius:4px; }
        table.alerts td, table.history td, table.silences td { vertical-align:top; font-size:14px; }
        table.alerts td.summary, table.history td.summary { min-width:18em; }
        .sev { display:inline-block; padding:2px 8px 2px 6px; border-radius:4px; font-size:12px; font-weight:700; border-left:4px solid; }
        .sev-critical { background:#fbe9e7; color:#8c1d18; border-color:var(--miss); }
        .sev-warning { background:#fdf1dc; color:#7a4a00; border-color:var(--risk); }
        .sev-none { background:#eef0f2; color:var(--muted); border-color:var(--none); }
        .phase { font-size:13px; font-weight:600; }
        .phase-firing { color:var(--miss); } .phase-pending { color:var(--risk); }
        td.state .ack, td.state .silenced { font-size:13px; margin-top:4px; color:var(--muted); }
        td.state .ack:not(.requested) { color:var(--met); }
        td.actions { min-width:11em; }
        td.actions details { margin-bottom:6px; }
        td.actions summary { cursor:pointer; color:var(--brand); font-weight:600; font-size:14px; }
        td.actions form { display:flex; flex-direction:column; gap:6px; margin-top:6px; padding:8px; background:var(--bg); border:1px solid var(--line); border-radius:4px; }
        td.actions label { display:flex; flex-direction:column; gap:3px; font-size:13px; color:var(--muted); }
        a.open-link { font-size:12px; white-space:nowrap; margin-left:4px; }
        .kind { font-size:13px; }
        .kind-Fired { font-weight:700; color:var(--miss); } .kind-Resolved { color:var(--met); font-weight:600; } .kind-Acknowledged { color:var(--brand); }
        nav.pager { display:flex; gap:16px; align-items:center; justify-content:center; margin:12px 0 0; font-size:14px; }
        section.open-alerts { margin-bottom:16px; }
        form.silence-form { background:var(--bg); padding:10px; border-radius:4px; }
        td.movement { white-space:nowrap; } td.movement.up { color:var(--met); } td.movement.down { color:var(--miss); }
        """;

    private static readonly byte[] Content = System.Text.Encoding.UTF8.GetBytes(Text);

    /// <summary>A fingerprint of <see cref="Text"/>: the pages link <see cref="Path"/> with it, so a browser keeps the sheet until it changes.</summary>
    public static readonly string Version = AssetResponse.Fingerprint(Content);

    /// <summary>The address pages link: <c>/app.css?v=</c> and <see cref="Version"/>.</summary>
    public static string Path => "/app.css?v=" + Version;

    /// <summary>
    /// The sheet, kept by browsers for a year when asked for by its current <see cref="Version"/> (the address changes
    /// with it), and revalidated each time otherwise.
    /// </summary>
    public static IResult Serve(HttpContext context) => AssetResponse.Serve(context, Content, "text/css; charset=utf-8", Version);
}
