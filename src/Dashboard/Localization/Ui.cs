using System.Globalization;

namespace KpiMonitor.Dashboard.Localization;

/// <summary>Every text a person reads on the dashboard, in Vietnamese and English.</summary>
public static class Ui
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private static readonly Dictionary<string, (string Vi, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["app"] = ("Giám sát chỉ tiêu chính quyền số", "Digital government KPI monitor"),
        ["overview"] = ("Tổng quan", "Overview"),
        ["sources"] = ("Nguồn dữ liệu", "Data sources"),
        ["logout"] = ("Đăng xuất", "Sign out"),
        ["login"] = ("Đăng nhập", "Sign in"),
        ["username"] = ("Tên đăng nhập", "User name"),
        ["password"] = ("Mật khẩu", "Password"),
        ["login.failed"] = ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
        ["login.throttled"] = ("Quá nhiều lần thử; vui lòng đợi một phút.", "Too many attempts; please wait a minute."),
        ["unit"] = ("Đơn vị", "Unit"),
        ["month"] = ("Tháng", "Month"),
        ["value"] = ("Giá trị", "Value"),
        ["target"] = ("Mục tiêu", "Target"),
        ["status"] = ("Trạng thái", "Status"),
        ["rank"] = ("Xếp hạng", "Rank"),
        ["vs.prev"] = ("so với tháng trước", "vs previous month"),
        ["vs.year"] = ("so với cùng kỳ", "vs same month last year"),
        ["status.Met"] = ("Đạt", "Met"),
        ["status.AtRisk"] = ("Có nguy cơ", "At risk"),
        ["status.Missed"] = ("Không đạt", "Missed"),
        ["status.NoData"] = ("Chưa có dữ liệu", "No data"),
        ["status.NoTarget"] = ("Chưa đặt mục tiêu", "No target"),
        ["children"] = ("Các đơn vị trực thuộc", "Units below"),
        ["definition"] = ("Định nghĩa đang dùng", "Definition in use"),
        ["show"] = ("Xem", "Show"),
        ["months"] = ("tháng", "months"),
        ["notfound"] = ("Không tìm thấy trang hoặc mã chỉ tiêu, đơn vị.", "Page, KPI or unit not found."),
        ["error"] = ("Đã có lỗi; bộ phận kỹ thuật đã được ghi nhận. Vui lòng thử lại.", "Something went wrong; it has been logged. Please try again."),
        ["back"] = ("Về trang tổng quan", "Back to the overview"),
        ["reporting"] = ("đơn vị có số liệu", "units reporting"),
        ["language"] = ("English", "Tiếng Việt"),
    };

    public static string T(string key, bool english) =>
        Texts.TryGetValue(key, out var text) ? english ? text.En : text.Vi : key;

    public static CultureInfo Culture(bool english) => english ? En : Vi;

    /// <summary>A KPI value as people read it: "43,24 %" or "1.953" (vi-VN), "43.24%" (en-US).</summary>
    public static string Number(double? value, bool percentage, bool english)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var culture = Culture(english);
        return percentage
            ? v.ToString("N1", culture) + (english ? "%" : " %")
            : Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("N0", culture) : v.ToString("N1", culture);
    }
}
