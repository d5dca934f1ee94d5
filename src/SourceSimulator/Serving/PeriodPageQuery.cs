using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary><c>period=yyyy-MM&amp;page=&amp;pageSize=</c>, the query of the e-office and one-stop endpoints.</summary>
internal readonly record struct PeriodPageQuery(MonthPeriod Period, PageQuery Page)
{
    public static bool TryParse(IQueryCollection query, int maxPageSize, out PeriodPageQuery result, out string error)
    {
        result = default;
        if (!MonthPeriod.TryParse(query["period"].ToString(), out var period))
        {
            error = "period must be a month written yyyy-MM.";
            return false;
        }

        if (!PageQuery.TryParse(query, maxPageSize, out var page, out error))
        {
            return false;
        }

        result = new PeriodPageQuery(period, page);
        return true;
    }
}
