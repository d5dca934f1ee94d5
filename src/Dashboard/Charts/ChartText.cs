namespace KpiMonitor.Dashboard.Charts;

// The few words the charts draw themselves; Vietnamese unless the reader asked for English.
internal static class ChartText
{
    public static string Value(bool english) => english ? "Value" : "Giá trị";

    public static string InProgress(bool english) => english ? "Period in progress (provisional)" : "Kỳ đang diễn ra (tạm tính)";

    public static string Target(bool english) => english ? "Target" : "Mục tiêu";

    public static string WarningBand(bool english) => english ? "Warning band" : "Ngưỡng cảnh báo";

    public static string NoData(bool english) => english ? "No data yet" : "Chưa có dữ liệu";

    public static string NoFigure(bool english) => english ? "no figure" : "chưa có số liệu";

    public static string MoreUnits(int shown, int total, bool english) =>
        english
            ? string.Create(ChartFormat.Culture(true), $"Showing the first {shown} of {total} units")
            : string.Create(ChartFormat.Culture(false), $"Hiển thị {shown} đơn vị đầu tiên trên tổng số {total}");
}
