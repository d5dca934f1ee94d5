using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Api;

/// <summary>The <c>months</c> and <c>grain</c> parameters shared by the series API and the trend chart, read one way.</summary>
public static class PeriodQuery
{
    public const int MaxMonths = 120;

    public const string MonthsRule = "phải là số tháng trong khoảng 1–120";

    /// <summary>True when <paramref name="months"/> is absent or within 1–120.</summary>
    public static bool MonthsValid(int? months) => months is null or (>= 1 and <= MaxMonths);

    /// <summary>A granularity by name (day, week, month, quarter, year; month when absent); numbers are refused.</summary>
    public static bool TryGrain(string? grain, out PeriodGranularity granularity) =>
        Enum.TryParse(grain ?? nameof(PeriodGranularity.Month), ignoreCase: true, out granularity)
        && Enum.IsDefined(granularity)
        && !(grain?.Length > 0 && char.IsAsciiDigit(grain[0]));
}
