using System.Globalization;
using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Reports.Layout;

/// <summary>The report's tables, numbered in reading order ("Bảng 1. …"), every figure written by <see cref="ReportText"/>.</summary>
internal sealed class OutlineTables(MonthlyReport report)
{
    private int _number;

    public TableBlock Results() => Table(
        ReportText.Format("table.results", ReportText.Period(report.Month, Shared.Periods.PeriodGranularity.Month)),
        Columns("table.results.columns"),
        report.Kpis.Select((k, i) =>
        {
            var a = k.Assessment;
            return Row(Number(i + 1), a.Kpi.NameVi, TextFormat.Period(a.Period, a.Granularity, Cultures.Vietnamese), ReportText.FigureWithUnit(a.Kpi, a.Value.Value),
                ReportText.Target(a.Kpi, a.Target), ReportText.Status(a.Status), ReportText.FigureWithUnit(a.Kpi, a.Previous.Value),
                ReportText.FigureWithUnit(a.Kpi, a.LastYear.Value));
        }),
        [0.7, 2.6, 1.25, 1.3, 1.4, 1.3, 1.3, 1.3]);

    public IEnumerable<ReportBlock> AttainmentAndLeagues()
    {
        if (report.Children.Count == 0)
        {
            yield return new ParagraphBlock(ReportText.Format("text.noUnitsBelowToRank", report.Unit.NameVi));
        }
        else if (report.Attainment.Count == 0)
        {
            yield return new ParagraphBlock(ReportText.Text("text.noTargetsBelow"));
        }
        else
        {
            yield return Table(ReportText.Text("table.attainment"),
                Columns("table.attainment.columns"),
                report.Attainment.Select(a => Row(a.Kpi.NameVi, a.Level.NameVi, $"{Number(a.Met)}/{Number(a.Units)}", Number(a.AtRisk), Number(a.Missed),
                    Number(a.NoData), Number(a.NoTarget), Number(a.Units))),
                [3, 1.6, 1, 1, 1, 1.2, 1.2, 1]);
        }

        // The document ranks the indicators with a target at the level; the others' rankings are in the workbook.
        var targeted = report.Attainment.Select(a => (a.Kpi.Code, a.Level.Code)).ToHashSet();
        var untargeted = new List<string>();
        foreach (var league in report.Leagues.Where(l => l.Ranked > 0))
        {
            if (!targeted.Contains((league.Kpi.Code, league.Level.Code)))
            {
                if (!untargeted.Contains(league.Kpi.NameVi))
                {
                    untargeted.Add(league.Kpi.NameVi);
                }

                continue;
            }

            var rows = league.Top.Select(Ranked).Cast<IReadOnlyList<string>>().ToList();
            if (league.Bottom.Count > 0)
            {
                rows.Add(Row("…", "…", "", "", ""));
                rows.AddRange(league.Bottom.Select(Ranked));
            }

            yield return Table(ReportText.Format("table.league", ReportText.InSentence(league.Kpi.NameVi), ReportText.InSentence(league.Level.NameVi), Number(league.Ranked)),
                Columns("table.league.columns"), rows, [0.8, 3.5, 1.4, 1.4, 1.6]);
        }

        if (untargeted.Count > 0)
        {
            yield return new ParagraphBlock(ReportText.Format("text.leaguesInWorkbook", string.Join("; ", untargeted)));
        }
    }

    public IEnumerable<ReportBlock> Changes()
    {
        if (report.Changes.Count == 0)
        {
            yield return new ParagraphBlock(ReportText.Text("text.noChanges"));
            yield break;
        }

        foreach (var basis in new[] { ChangeBasis.PreviousPeriod, ChangeBasis.LastYear })
        {
            var changes = report.Changes.Where(c => c.Basis == basis).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            // One row per KPI: its biggest improvement and its biggest fall (the workbook has every movement).
            var title = basis == ChangeBasis.PreviousPeriod ? ReportText.Text("table.changes.previous") : ReportText.Text("table.changes.lastYear");
            yield return Table(title, Columns("table.changes.columns"),
                changes.GroupBy(c => c.Assessment.Kpi.Code, StringComparer.Ordinal).Select(g => Row(g.First().Assessment.Kpi.NameVi,
                    Movement(g.FirstOrDefault(c => c.Improvement)), Movement(g.FirstOrDefault(c => !c.Improvement)))),
                [2.6, 3.2, 3.2]);
        }
    }

    // "Xã A: 25,00 % → 81,82 % (+56,82 điểm %)".
    private static string Movement(UnitChange? change) => change is null
        ? "—"
        : ReportText.Format("table.changes.cell", change.Assessment.Unit.NameVi, ReportText.Figure(change.Assessment.Kpi, change.Before),
            ReportText.Figure(change.Assessment.Kpi, change.Assessment.Value.Value), ReportText.Change(change.Assessment.Kpi, change.Change));

    public IEnumerable<ReportBlock> MissingAndStale()
    {
        if (report.Children.Count == 0)
        {
            yield return new ParagraphBlock(ReportText.Format("text.noUnitsBelow", report.Unit.NameVi));
        }
        else if (report.Missing.Count == 0)
        {
            yield return new ParagraphBlock(ReportText.Text("text.noneMissing"));
        }
        else
        {
            foreach (var sentence in ReportSummary.Unreported(report))
            {
                yield return new ParagraphBlock(sentence);
            }

            var byUnit = MissingFigures.ByUnit(report);
            if (byUnit.Count > 0)
            {
                yield return Table(ReportText.Text("table.missing"),
                    Columns("table.missing.columns"),
                    byUnit.Select(u => Row(u.Unit.NameVi, string.Join("; ", u.Kpis.Select(k => k.NameVi)),
                        string.Join("; ", u.Periods.Select(p => TextFormat.Period(p.Start, p.Granularity, Cultures.Vietnamese))))),
                    [2.5, 5, 1.2]);
            }
        }

        if (report.StaleSources.Count == 0)
        {
            yield return new ParagraphBlock(ReportText.Text("text.sourcesCurrent"));
        }
        else
        {
            yield return Table(ReportText.Text("table.stale"),
                Columns("table.stale.columns"),
                report.StaleSources.Select(s => Row(s.Name, s.Code, s.LastSuccess is null ? ReportText.Text("text.neverUpdated") : TextFormat.Time(s.LastSuccess), Number(s.Units))),
                [3.5, 1.5, 2, 1.6]);
        }
    }

    public TableBlock Appendix() => Table(ReportText.Text("table.appendix"),
        Columns("table.appendix.columns"),
        report.Appendix.Select(a => Row(a.Kpi.NameVi, a.Kpi.DefinitionVi, a.Kpi.SourceSystem,
            a.Targets.Count == 0 ? ReportText.Text("status.NoTarget") : string.Join("; ", a.Targets.Select(t => $"{t.Scope}: {ReportText.Target(a.Kpi, t.Target)}")),
            a.Targets.Count == 0 ? "—" : string.Join("; ", a.Targets.Select(t => t.Target.Document ?? ReportText.Text("text.noDocument")).Distinct()))),
        [2.2, 3.6, 1.3, 1.8, 1.9]);

    private static string[] Ranked(KpiAssessment a) => Row(Number(a.Rank ?? 0), a.Unit.NameVi, ReportText.FigureWithUnit(a.Kpi, a.Value.Value),
        ReportText.Status(a.Status), a.Movement switch
        {
            null => "—",
            0 => ReportText.Text("rank.same"),
            > 0 and var up => ReportText.Format("rank.up", Number(up)),
            var down => ReportText.Format("rank.down", Number(-down.Value)),
        });

    private TableBlock Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths) =>
        new(ReportText.Format("table.caption", Number(++_number), title), headers, rows.ToList(), widths);

    private static string[] Row(params string[] cells) => cells;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A table's column headers, kept in one text separated by '|' so both languages have the same columns.
    private static string[] Columns(string key) => ReportText.Text(key).Split('|');
}
