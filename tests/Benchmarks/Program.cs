using KpiMonitor.Benchmarks.Collector;
using KpiMonitor.Benchmarks.Storage;

return args.FirstOrDefault() switch
{
    "storage" => await StorageBenchmark.RunAsync(args[1..]),
    "collector" => await CollectorBenchmark.RunAsync(args[1..]),
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

        Chế độ dashboard sẽ có sau. / The dashboard mode comes later.
        """);
    return 2;
}
