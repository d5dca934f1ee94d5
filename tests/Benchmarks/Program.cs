using KpiMonitor.Benchmarks.Alerts;
using KpiMonitor.Benchmarks.Collector;
using KpiMonitor.Benchmarks.Dashboard;
using KpiMonitor.Benchmarks.Imports;
using KpiMonitor.Benchmarks.National;
using KpiMonitor.Benchmarks.Reports;
using KpiMonitor.Benchmarks.Storage;

return args.FirstOrDefault() switch
{
    "storage" => await StorageBenchmark.RunAsync(args[1..]),
    "collector" => await CollectorBenchmark.RunAsync(args[1..]),
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "imports" => await ImportBenchmark.RunAsync(args[1..]),
    "alerts" => await AlertsBenchmark.RunAsync(args[1..]),
    "report" => await ReportBenchmark.RunAsync(args[1..]),
    "national" => await NationalBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Cách dùng / usage: dotnet run -c Release --project tests/Benchmarks -- <chế độ / mode> [tùy chọn / options]

          storage    ghi 1.000.000 quan sát qua InfluxTimeSeriesStore và qua POST thô, rồi đọc giá trị mới nhất
                     write 1,000,000 observations through InfluxTimeSeriesStore and as raw POSTs, then read the latest values
                     --influx-url URL (hoặc/or KPIMONITOR_BENCH_INFLUX_URL)  dùng máy chủ có sẵn / use an existing server
                     --gzip on|off, --concurrency N, --batch-size N          ghi đè cấu hình kho / override store settings
                     --cold          tính cả việc tạo chuỗi mới / include creating the series in the timing
                     --store-first   kho ghi trước vào ngày đầu / the store goes first on day 1

          collector  một chu kỳ thu thập cấp quốc gia: 5.000 đơn vị, văn bản điều hành và một cửa, vào influxd riêng
                     one national-scale collection cycle: 5,000 units, e-office and one-stop, into a private influxd
                     --units N                                                số đơn vị / number of units

          dashboard  dashboard cấp quốc gia: 26 chỉ tiêu × 5.000 đơn vị × 24 tháng trong influxd riêng, bản Release của dashboard,
                     người dùng đồng thời xem trang tổng quan rồi trang chỉ tiêu kèm biểu đồ (cần: dotnet build src/Dashboard -c Release)
                     the dashboard at national scale: 26 KPIs × 5,000 units × 24 months in a private influxd, its Release build,
                     concurrent signed-in users on the overview, then on KPI pages with their charts
                     --influx-url URL (hoặc/or KPIMONITOR_BENCH_INFLUX_URL)  dùng máy chủ có sẵn / use an existing server
                     --skip-load     dữ liệu đã nạp ở lần chạy trước / the history is there from an earlier run
                     --seconds N     thời gian mỗi giai đoạn / seconds per phase (30)
                     --clients N     số người dùng đồng thời / concurrent users (20)
                     --dashboard-dll PATH  bản build khác để so sánh / another build to compare with

          imports    tệp số liệu nhập tay xấu nhất trong giới hạn (và vượt giới hạn), mỗi tệp đọc trong một tiến trình riêng
                     the worst manual figure files within the import limits (and past them), each read in a process of its own

          alerts     cảnh báo cấp quốc gia: 26 quy tắc × 5.000 đơn vị (130.000 phiên bản quy tắc) trên lịch sử 24 tháng trong influxd
                     riêng, đánh giá nguội và nóng, rồi 5.000 đơn vị cùng vi phạm: 40 người nhận, thư gửi tới máy chủ SMTP thật (aiosmtpd)
                     alerting at national scale: 26 rules × 5,000 units (130,000 rule instances) over 24 months of history in a private
                     influxd, cold and warm evaluations, then 5,000 units breaching at once: 40 recipients, mail to a real SMTP server (aiosmtpd)
                     --influx-url URL (hoặc/or KPIMONITOR_BENCH_INFLUX_URL)  dùng máy chủ có sẵn / use an existing server
                     --skip-load     dữ liệu đã nạp ở lần chạy trước / the history is there from an earlier run

          report     báo cáo tháng của một tỉnh: 150 đơn vị × 26 chỉ tiêu × 24 tháng trong influxd riêng; thời gian lập nội dung,
                     PDF, DOCX và XLSX, bộ nhớ đỉnh (VmHWM)
                     the monthly report of a province: 150 units × 26 KPIs × 24 months in a private influxd; the time to build
                     the content, PDF, DOCX and XLSX, peak memory (VmHWM)
                     --influx-url URL (hoặc/or KPIMONITOR_BENCH_INFLUX_URL)  dùng máy chủ có sẵn / use an existing server
                     --skip-load     dữ liệu đã nạp ở lần chạy trước / the history is there from an earlier run

          national   toàn quốc: 34 tỉnh, thành phố, 850 sở, 3.321 xã, phường, đặc khu; 24 tháng lịch sử trong influxd riêng, một
                     chu kỳ thu thập mọi nguồn từ trình mô phỏng, dashboard khởi động lần đầu và khởi động lại (thời gian tới khi
                     phục vụ trang tổng quan), tải 20 người dùng, bộ nhớ đỉnh (cần: dotnet build src/Dashboard -c Release và src/Collector)
                     the nation: 34 provinces, 850 departments, 3,321 communes; 24 months of history in a private influxd, one
                     collection cycle of every source from the simulator, the dashboard's first start and a restart (time to the
                     first overview served), 20 users' load, peak memory; same options as dashboard
        """);
    return 2;
}
