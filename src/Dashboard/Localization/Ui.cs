using System.Globalization;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Localization;

/// <summary>Every text a person reads on the dashboard, in Vietnamese and English.</summary>
public static class Ui
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    // One table for the whole app on purpose, so that every text is found, and checked for both languages, in one
    // place; that is why this file runs past 200 lines.
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
        ["login.back"] = ("Quay lại trang đăng nhập", "Back to the sign-in page"),
        ["unit"] = ("Đơn vị", "Unit"),
        ["month"] = ("Tháng", "Month"),
        ["value"] = ("Giá trị", "Value"),
        ["target"] = ("Mục tiêu", "Target"),
        ["status"] = ("Trạng thái", "Status"),
        ["rank"] = ("Xếp hạng", "Rank"),
        ["vs.prev"] = ("so với tháng trước", "vs previous month"),
        ["partial"] = ("Tháng đang diễn ra: số đếm là lũy kế từ đầu tháng và còn tăng (biểu đồ vẽ kỳ này bằng nét đứt và điểm rỗng); số liệu đến ngày", "Month in progress: counts are month-to-date and still growing (the charts draw it dashed, with a hollow point); figures as of"),
        ["vs.prevYear"] = ("so với năm trước", "vs previous year"),
        ["vs.year"] = ("so với cùng kỳ năm trước", "vs same period last year"),
        ["status.Met"] = ("Đạt", "Met"),
        ["status.AtRisk"] = ("Có nguy cơ không đạt", "At risk"),
        ["status.Missed"] = ("Không đạt", "Missed"),
        ["status.NoData"] = ("Chưa có dữ liệu", "No data"),
        ["status.NoTarget"] = ("Chưa đặt mục tiêu", "No target"),
        ["children"] = ("Các đơn vị trực thuộc", "Units below"),
        ["definition"] = ("Định nghĩa đang dùng", "Definition in use"),
        ["show"] = ("Xem", "Show"),
        ["months"] = ("tháng", "months"),
        ["chart.range"] = ("Khoảng thời gian", "Time range"),
        ["chart.grain"] = ("Chu kỳ", "Interval"),
        ["grain.month"] = ("Theo tháng", "Monthly"),
        ["grain.quarter"] = ("Theo quý", "Quarterly"),
        ["notfound"] = ("Không tìm thấy trang hoặc mã chỉ tiêu, đơn vị.", "Page, KPI or unit not found."),
        ["error"] = ("Đã có lỗi; lỗi đã được ghi lại để bộ phận kỹ thuật xử lý. Vui lòng thử lại.", "Something went wrong; it has been logged. Please try again."),
        ["back"] = ("Về trang tổng quan", "Back to the overview"),
        ["reporting"] = ("Số đơn vị có số liệu", "Units reporting"),
        ["source.disabled"] = ("Đang tắt", "Disabled"),
        ["manual"] = ("Nhập số liệu thủ công", "Manual figures"),
        ["manual.refused"] = ("Chưa lưu, vì:", "Not saved, because:"),
        ["manual.saved"] = ("Đã lưu số liệu và ghi vào nhật ký thay đổi.", "Saved and recorded in the audit trail."),
        ["manual.file"] = ("Tệp CSV hoặc Excel (.xlsx)", "CSV or Excel (.xlsx) file"),
        ["manual.choose"] = ("Chọn chỉ tiêu để xem số liệu đang lưu, rồi nhập mới hoặc sửa.", "Choose a KPI to see its stored figures, then enter or correct one."),
        ["manual.allUnits"] = ("Tất cả đơn vị", "All units"),
        ["manual.stored"] = ("Số liệu đang lưu, {0} kỳ gần nhất ({1} – {2})", "Stored figures, last {0} periods ({1} – {2})"),
        ["manual.stored.empty"] = ("Chưa có số liệu nào trong {0} kỳ gần nhất.", "No figure in the last {0} periods."),
        ["manual.stored.more"] = ("Chỉ hiện {0} dòng đầu; chọn một đơn vị để xem đủ.", "Only the first {0} rows are shown; choose a unit to see them all."),
        ["manual.period"] = ("Kỳ", "Period"),
        ["manual.periodYear"] = ("Kỳ (yyyy)", "Period (yyyy)"),
        ["manual.lastChange"] = ("Nhập tay lần cuối", "Last entered by hand"),
        ["manual.edit"] = ("Sửa", "Edit"),
        ["manual.byHand"] = ("nhập tay", "entered by hand"),
        ["manual.enter"] = ("Nhập", "Enter"),
        ["manual.form"] = ("Nhập hoặc sửa một số liệu", "Enter or correct a figure"),
        ["manual.current"] = ("Giá trị hiện tại", "Current value"),
        ["manual.current.none"] = ("Chưa có số liệu cho đơn vị và kỳ này; lưu sẽ tạo mới.", "No figure yet for this unit and period; saving creates it."),
        ["upload.tooLarge"] = ("Tệp tải lên quá lớn: mỗi tệp tối đa {0} MB. Hãy chia thành nhiều tệp nhỏ hơn rồi tải lên lần lượt; không số liệu nào của tệp này được lưu.",
            "The uploaded file is too large: at most {0} MB per file. Split it into smaller files and upload them one by one; nothing of this file was saved."),
        ["upload.back"] = ("Quay lại trang nhập số liệu", "Back to manual figures"),
        ["manual.uploadTitle"] = ("Tải lên tệp số liệu", "Upload a file of figures"),
        ["manual.badQuery"] = ("Không mở được số liệu theo địa chỉ này:", "Could not open the figure this address names:"),
        ["manual.unknownKpi"] = ("không có chỉ tiêu mã '{0}' trong danh mục", "no KPI has the code '{0}'"),
        ["manual.notManual"] = ("chỉ tiêu '{0}' do hệ thống nguồn gửi số liệu, không nhập tay", "KPI '{0}' comes from a source system and is not entered by hand"),
        ["manual.unknownUnit"] = ("không có đơn vị mã '{0}' trong danh mục", "no unit has the code '{0}'"),
        ["manual.badPeriod"] = ("kỳ '{0}' không hợp lệ: viết yyyy-MM (ví dụ 2026-11) hoặc yyyy (ví dụ 2026), năm từ {1} đến {2}", "period '{0}' is not valid: write yyyy-MM (for example 2026-11) or yyyy (for example 2026), a year from {1} to {2}"),
        ["manual.periodNeedsKpi"] = ("kỳ '{0}' cần đi kèm một chỉ tiêu (kpi=…)", "period '{0}' needs a KPI too (kpi=…)"),
        ["kpi"] = ("Chỉ tiêu", "KPI"),
        ["period"] = ("Kỳ (yyyy-MM)", "Period (yyyy-MM)"),
        ["numerator"] = ("Tử số", "Numerator"),
        ["denominator"] = ("Mẫu số", "Denominator"),
        ["save"] = ("Lưu", "Save"),
        ["upload"] = ("Tải lên", "Upload"),
        ["audit"] = ("Nhật ký thay đổi", "Audit trail"),
        ["quarter.sum"] = ("Mỗi quý là tổng số liệu của ba tháng trong quý (tỷ lệ: tổng tử số ÷ tổng mẫu số).",
            "Each quarter adds up its three months (rates: the months' numerators over their denominators)."),
        ["quarter.last"] = ("Mỗi quý là số liệu của tháng cuối quý (chỉ tiêu đo mức tại một thời điểm).",
            "Each quarter shows its last month (the indicator measures a level at a point in time)."),
        ["manual.action"] = ("Thao tác", "Action"),
        ["storeDown"] = ("Chưa đọc được số liệu", "Figures cannot be read yet"),
        ["storeDown.what"] = ("Kho số liệu không trả lời nên trang này chưa hiển thị được số liệu. Số liệu bộ thu thập đã lấy về không mất: chúng được giữ lại và ghi vào kho khi kho hoạt động trở lại.",
            "The data store is not answering, so this page cannot show its figures yet. Nothing the collector has gathered is lost: it is kept and written to the store once the store answers again."),
        ["storeDown.next"] = ("Trang sẽ tự tải lại sau {0} giây. Nếu lỗi kéo dài, vui lòng báo bộ phận kỹ thuật (chi tiết trong nhật ký của dashboard).",
            "This page reloads itself in {0} seconds. If it lasts, please tell the technical team (details are in the dashboard's log)."),
        ["audit.none"] = ("Chưa có số liệu nào được nhập tay.", "No figure has been entered by hand yet."),
        ["when"] = ("Lúc", "When"),
        ["who"] = ("Người nhập", "Who"),
        ["old"] = ("Giá trị cũ", "Old value"),
        ["new"] = ("Giá trị mới", "New value"),
        ["via"] = ("Qua", "Via"),
        ["forbidden"] = ("Tài khoản của bạn không có quyền xem trang này.", "Your account may not open this page."),
        ["language"] = ("English", "Tiếng Việt"),
        ["yes"] = ("Có", "Yes"),
        ["no"] = ("Không", "No"),
        ["download"] = ("Tải về", "Download"),
        ["unit.page"] = ("trang đơn vị", "unit page"),
        ["unit.level"] = ("Cấp", "Level"),
        ["unit.parent"] = ("Trực thuộc", "Part of"),
        ["unit.kpis"] = ("Các chỉ tiêu tháng này", "KPIs this month"),
        ["unit.ended"] = ("Đơn vị không còn tồn tại sau ngày", "The unit no longer exists after"),
        ["freshness"] = ("Độ mới của số liệu", "Data freshness"),
        ["freshness.none"] = ("Chưa có nguồn nào gửi số liệu riêng cho đơn vị này.", "No source has reported figures of this unit itself yet."),
        ["sources.note"] = ("Mỗi nguồn được coi là cũ khi không có lần thu thập thành công nào trong ngưỡng của nó.", "A source is stale when it has had no successful run within its threshold."),
        ["source"] = ("Nguồn", "Source"),
        ["source.code"] = ("Mã", "Code"),
        ["source.kind"] = ("Loại", "Kind"),
        ["source.enabled"] = ("Đang bật", "Enabled"),
        ["source.schedule"] = ("Lịch chạy", "Schedule"),
        ["source.lastRun"] = ("Lần chạy cuối", "Last run"),
        ["source.lastSuccess"] = ("Thành công cuối", "Last success"),
        ["source.lastError"] = ("Lỗi gần nhất", "Last error"),
        ["source.errorHidden"] = ("Lần đọc gần nhất bị lỗi. Cán bộ vận hành xem được chi tiết.", "The last reading failed. Operators can see the details."),
        ["source.duration"] = ("Thời gian chạy (giây)", "Duration (s)"),
        ["source.points"] = ("Số điểm dữ liệu", "Points"),
        ["source.failures"] = ("Số lần lỗi liên tiếp", "Consecutive failures"),
        ["source.units"] = ("Số đơn vị có số liệu", "Units reported"),
        ["source.newest"] = ("Kỳ số liệu mới nhất", "Newest period"),
        ["source.received"] = ("Nhận lúc", "Received"),
        ["source.freshness"] = ("Độ mới", "Freshness"),
        ["source.staleAfter"] = ("Coi là cũ sau (giờ)", "Stale after (hours)"),
        ["source.stale"] = ("Dữ liệu cũ", "Stale"),
        ["source.fresh"] = ("Còn mới", "Up to date"),
        ["source.never"] = ("Chưa chạy lần nào", "Never ran"),
        ["kind.EOffice"] = ("Quản lý văn bản và điều hành", "E-office"),
        ["kind.OneStopStatistics"] = ("Một cửa — thống kê", "One-stop — statistics"),
        ["kind.OneStopDossiers"] = ("Một cửa — từng hồ sơ", "One-stop — dossier records"),
        ["kind.AntiMalware"] = ("Phòng chống mã độc", "Anti-malware console"),
        ["kind.Portal766"] = ("Cổng DVC quốc gia — Bộ chỉ số 766", "National portal — 766 index"),
        ["kind.HttpJson"] = ("HTTP JSON khai báo", "Declarative HTTP JSON"),
        ["kind.DropFolder"] = ("Thư mục tệp nhập tay", "Drop folder of manual files"),
        ["export.rank"] = ("Xếp hạng", "Rank"),
        ["export.previousRank"] = ("Xếp hạng tháng trước", "Rank last month"),
        ["export.previousRankQuarter"] = ("Xếp hạng quý trước", "Rank last quarter"),
        ["export.previousRankYear"] = ("Xếp hạng năm trước", "Rank last year"),
        ["unit.code"] = ("Mã đơn vị", "Unit code"),
        ["export.numerator"] = ("Tử số", "Numerator"),
        ["export.denominator"] = ("Mẫu số", "Denominator"),
        ["export.reporting"] = ("Số đơn vị có số liệu", "Units reporting"),
        ["export.measure"] = ("Đơn vị tính", "Measure"),
        ["export.previousValue"] = ("Kỳ trước", "Previous period"),
        ["export.lastYearValue"] = ("Cùng kỳ năm trước", "Same period last year"),
        ["export.fromYear"] = ("Từ năm", "From year"),
        ["export.toYear"] = ("Đến năm", "To year"),
        ["kpi.code"] = ("Mã chỉ tiêu", "KPI code"),
        ["movement"] = ("Thay đổi hạng", "Rank change"),
        ["vs.prevQuarter"] = ("so với quý trước", "vs previous quarter"),
        ["rank.note"] = ("Xếp hạng so sánh các đơn vị cùng cấp; giá trị bằng nhau thì đồng hạng.", "Ranks compare units of the same level; equal values share a rank."),
        ["level.all"] = ("Tất cả", "All"),
        ["level.empty"] = ("Không có đơn vị trực thuộc nào ở cấp này.", "No unit below is of this level."),
        ["sso.or"] = ("hoặc", "or"),
        ["sso.button"] = ("Đăng nhập một lần (SSO)", "Single sign-on (SSO)"),
        ["sso.failed"] = ("Đăng nhập một lần không thành công; vui lòng thử lại hoặc báo quản trị hệ thống.", "Single sign-on failed; please try again or tell the administrator."),
        ["admin"] = ("Quản trị", "Administration"),
        ["admin.note"] = ("Mục tiêu, tài khoản và nguồn dữ liệu nằm trong tệp cấu hình và biến môi trường (được duyệt, lưu phiên bản, giống nhau trên mọi máy chủ); trang này cho xem và chỉ chỗ sửa.", "Targets, accounts and sources live in configuration files and environment variables (reviewed, versioned, the same on every server); this page shows them and says where to change them."),
        ["admin.system"] = ("Hệ thống", "System"),
        ["admin.store"] = ("Kho số liệu", "Data store"),
        ["admin.catalog"] = ("Danh mục", "Catalogue"),
        ["admin.kpis"] = ("chỉ tiêu", "KPIs"),
        ["admin.units"] = ("đơn vị", "units"),
        ["admin.cache"] = ("Bộ đệm số liệu tổng hợp", "Rollup cache"),
        ["admin.cells"] = ("ô đang giữ", "cells held"),
        ["admin.loads"] = ("lần đọc từ kho", "reads from the store"),
        ["warmup"] = ("Đang chuẩn bị số liệu", "Preparing the figures"),
        ["warmup.progress"] = ("KpiMonitor vừa khởi động và đang nạp số liệu tổng hợp lần đầu: {0}/{1} chỉ tiêu sau {2} giây.", "KpiMonitor has just started and is reading the rolled-up figures for the first time: {0} of {1} KPIs after {2} s."),
        ["warmup.reload"] = ("Trang sẽ tự tải lại sau vài giây; không cần làm gì thêm.", "This page reloads itself in a few seconds; there is nothing to do."),
        ["admin.charts"] = ("Bộ đệm biểu đồ", "Chart cache"),
        ["admin.images"] = ("ảnh đang giữ", "images held"),
        ["admin.drawn"] = ("lần vẽ", "drawn"),
        ["admin.reused"] = ("lần dùng lại", "reused"),
        ["admin.sourcesLink"] = ("Tình trạng các nguồn", "Status of the sources"),
        ["admin.accounts"] = ("Tài khoản", "Accounts"),
        ["admin.accounts.note"] = ("Thêm tài khoản trong Auth:Users (tên, họ tên, vai trò, mã băm mật khẩu). Tạo mã băm bằng lệnh:", "Add accounts under Auth:Users (user name, display name, role, password hash). Make the hash with:"),
        ["admin.username"] = ("Tên đăng nhập", "User name"),
        ["admin.displayName"] = ("Họ tên", "Display name"),
        ["admin.role"] = ("Vai trò", "Role"),
        ["role.viewer"] = ("Lãnh đạo (xem)", "Leadership (viewer)"),
        ["role.operator"] = ("Cán bộ CNTT (vận hành)", "ICT staff (operator)"),
        ["role.admin"] = ("Quản trị", "Administrator"),
        ["admin.targets"] = ("Mục tiêu", "Targets"),
        ["admin.targets.note"] = ("Mục tiêu cụ thể nhất được áp dụng: đơn vị, rồi cấp, rồi chung. Sửa trong", "The most specific target applies: unit, then level, then everyone. Edit in"),
        ["admin.scope"] = ("Áp dụng cho", "Applies to"),
        ["admin.years"] = ("Năm", "Years"),
        ["admin.band"] = ("Ngưỡng cảnh báo", "Warning band"),
        ["admin.document"] = ("Căn cứ", "Source document"),
        ["admin.everyone"] = ("Tất cả đơn vị", "Every unit"),
        ["sso.noRole"] = ("Hệ thống đăng nhập một lần đã xác nhận bạn, nhưng tài khoản chưa được cấp vai trò nào trong KpiMonitor. Hãy đề nghị quản trị hệ thống cấp quyền.", "Single sign-on knows you, but your account has no role in KpiMonitor yet. Ask the administrator to grant one."),
        ["sso.otherAccount"] = ("Đăng nhập bằng tài khoản khác", "Sign in with another account"),
    };

    public static string T(string key, bool english) =>
        Texts.TryGetValue(key, out var text) ? english ? text.En : text.Vi : key;

    public static CultureInfo Culture(bool english) => english ? En : Vi;

    /// <summary>A text with placeholders ({0}, {1}, …) filled in the reader's culture.</summary>
    public static string Format(string key, bool english, params object?[] args) => string.Format(Culture(english), T(key, english), args);

    /// <summary>"so với tháng trước" or its quarter or year form, for the period a KPI is read by.</summary>
    public static string VersusPrevious(PeriodGranularity granularity, bool english) => T(granularity switch
    {
        PeriodGranularity.Year => "vs.prevYear",
        PeriodGranularity.Quarter => "vs.prevQuarter",
        _ => "vs.prev",
    }, english);

    /// <summary>The header of the previous period's rank in exports.</summary>
    public static string PreviousRank(PeriodGranularity granularity, bool english) => T(granularity switch
    {
        PeriodGranularity.Year => "export.previousRankYear",
        PeriodGranularity.Quarter => "export.previousRankQuarter",
        _ => "export.previousRank",
    }, english);

    /// <summary>An instant as Vietnamese local time, "23/11/2026 14:05"; "—" when missing.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.ToLocal(i).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>The Vietnamese calendar date of an instant, "01/11/2026"; "—" when missing.</summary>
    public static string Date(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.DateOf(i).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>A count, "1.953.613" (vi-VN) or "1,953,613" (en-US).</summary>
    public static string Count(long value, bool english) => value.ToString("N0", Culture(english));

    /// <summary>A run's duration in seconds, "3,4" (vi-VN).</summary>
    public static string Seconds(TimeSpan duration, bool english) => duration.TotalSeconds.ToString("N1", Culture(english));

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
