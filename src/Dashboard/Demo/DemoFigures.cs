using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.SourceSimulator;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.Dashboard.Demo;

/// <summary>
/// Demo figures for what the simulated HTTP systems cannot backfill: anti-malware coverage of past months
/// (from the simulator's own figures) and the manual KPIs (reform plan progress, inspections, rankings),
/// scaled from the seed documents (16/37 activities done by mid-year, 5/11 units inspected, rank 27/63).
/// </summary>
public sealed class DemoFigures(Catalog catalog, SimulatorState simulator)
{
    public List<Observation> History(DateTimeOffset now, int months)
    {
        var result = new List<Observation>();
        var current = MonthPeriod.Containing(now);
        var root = catalog.Units.TopOn(VietnamTime.DateOf(now))!;
        int step = 0;
        for (var month = Back(current, months - 1); month <= current; month = month.Next, step++)
        {
            var start = VietnamTime.StartOf(month.FirstDay);
            foreach (var item in simulator.Truth.AntiMalware(month))
            {
                string unit = item.OrgCode.StartsWith("AM.", StringComparison.Ordinal) ? item.OrgCode[3..] : item.OrgCode;
                if (catalog.Units.Contains(unit))
                {
                    result.Add(Observation.Ratio("antimalware_coverage", unit, start, item.EnrolledEndpoints, item.TotalEndpoints, "antimalware"));
                }
            }

            // Plan progress climbs through the year and restarts in January, as a yearly plan does.
            int planned = 37;
            int done = Math.Min(planned, (int)Math.Round(planned * month.Month / 12.0 * (0.85 + (0.05 * (month.Year - 2024)))));
            result.Add(Observation.Ratio("par_plan_progress", root, start, done, planned, "manual"));
            result.Add(Observation.Ratio("reform_inspection_coverage", root, start, Math.Min(11, month.Month), 11, "manual"));
            result.Add(Observation.Ratio("full_online_service_coverage", root, start, Math.Min(1953, 1700 + (step * 10)), 1953, "manual"));
            result.Add(Observation.Scalar("satisfaction_rate", root, start, Math.Min(99.5, 92 + (step * 0.25)), "portal766"));
            if (month.Month == 12 || month == current)
            {
                result.Add(Observation.Scalar("par_index_rank", root, VietnamTime.StartOf(new DateOnly(month.Year, 1, 1)), Math.Max(5, 27 - ((month.Year - 2019) * 3)), "manual"));
                result.Add(Observation.Scalar("ict_index_rank", root, VietnamTime.StartOf(new DateOnly(month.Year, 1, 1)), Math.Max(5, 23 - ((month.Year - 2018) * 2)), "manual"));
                result.Add(Observation.Ratio("computer_per_staff_rate", root, VietnamTime.StartOf(new DateOnly(month.Year, 1, 1)), Math.Min(1200, 1150 + ((month.Year - 2024) * 20)), 1200, "manual"));
            }
        }

        return result;
    }

    private static MonthPeriod Back(MonthPeriod month, int count)
    {
        for (int i = 0; i < count; i++)
        {
            month = month.Previous;
        }

        return month;
    }
}
