using System.Diagnostics;
using System.Globalization;
using System.Text;
using KpiMonitor.Imports;
using KpiMonitor.Testing;

namespace KpiMonitor.Benchmarks.Imports;

/// <summary>
/// The worst files one can build within <see cref="ImportLimits.Default"/> (and a few just past them), each read by
/// <see cref="ManualFigureImporter"/> in a process of its own: prints the time, the bytes allocated and the
/// process's peak working set, against the same for a two-line file (the runtime's own share).
/// </summary>
public static class ImportBenchmark
{
    private static readonly ImportLimits Limits = ImportLimits.Default;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 1)
        {
            return ReadOne(args[0]);
        }

        string folder = Directory.CreateTempSubdirectory("kpimonitor-bench-imports-").FullName;
        try
        {
            var files = Build(folder);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"limits: {Limits.MaxBytes / 1024 / 1024} MB file, {Limits.MaxRows:N0} rows, row numbers to {Limits.MaxRowNumber:N0}, {Limits.MaxColumns} columns, {Limits.MaxCells:N0} cells, {Limits.MaxDecompressedBytes / 1024 / 1024} MB unzipped, {Limits.MaxReadTime.TotalSeconds} s"));
            Console.WriteLine("file | size | outcome | seconds | allocated MB | peak working set MB");
            foreach (var (name, path) in files)
            {
                await RunChildAsync(name, path);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(string Name, string Path)> Build(string folder)
    {
        var files = new List<(string, string)>();
        void Add(string name, string file, byte[] bytes)
        {
            string path = Path.Combine(folder, file);
            File.WriteAllBytes(path, bytes);
            files.Add((name, path));
        }

        Add("baseline: two-line CSV", "baseline.csv", "kpi,unit,period,value\npar_index_rank,P,2024,1\n"u8.ToArray());
        byte[] empty = XlsxWorkbook.Build(["x"]);

        // 3,000,000 number cells (the cell limit), 100,000 rows of 30, no references: every one kept.
        var sb = new StringBuilder();
        string row = "<row>" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 30)) + "</row>";
        for (int r = 0; r < Limits.MaxCells / 30; r++)
        {
            sb.Append(row);
        }

        Add("xlsx: 3,000,000 kept cells (100,000 rows × 30)", "cells.xlsx", XlsxWorkbook.WithSheetData(empty, sb.ToString()));

        // Every row Excel allows, each with one styled empty cell in XFD (the 2 KB file, at the row limit).
        sb.Clear();
        for (int r = 1; r <= Limits.MaxRowNumber; r++)
        {
            sb.Append("<row><c r=\"XFD").Append(r).Append("\" s=\"0\"/></row>");
        }

        Add("xlsx: 1,048,576 rows with an empty cell in XFD", "xfd-empty.xlsx", XlsxWorkbook.WithSheetData(empty, sb.ToString()));

        // The file: values in XFD (refused at the first, column limit).
        sb.Clear();
        for (int r = 1; r <= 4_000; r++)
        {
            sb.Append("<row><c r=\"XFD").Append(r).Append("\"><v>1</v></c></row>");
        }

        Add("xlsx: 4,000 rows with a value in XFD (refused)", "xfd-values.xlsx", XlsxWorkbook.WithSheetData(empty, sb.ToString()));

        // 20 million empty rows compressed (refused at row 1,048,577).
        Add("xlsx: 20,000,000 empty rows (refused)", "empty-rows.xlsx", XlsxWorkbook.WithSheetData(empty, string.Concat(Enumerable.Repeat("<row/>", 20_000_000))));

        // Whitespace up to just under, then past, the unzipped limit.
        Add("xlsx: 63 MB unzipped whitespace", "unzip-63.xlsx", XlsxWorkbook.WithSheetData(empty, new string(' ', 63 * 1024 * 1024)));
        Add("xlsx: 500 MB unzipped whitespace (refused)", "unzip-500.xlsx", XlsxWorkbook.WithSheetData(empty, new string(' ', 500 * 1024 * 1024)));

        // CSV: the most kept cells a 20 MB file can hold within the limits (255 short values a line, to 3,000,000 cells).
        sb.Clear();
        string line = string.Join(',', Enumerable.Repeat("12345", 255)) + "\n";
        for (int i = 0; i < Limits.MaxCells / 255; i++)
        {
            sb.Append(line);
        }

        Add("csv: 3,000,000 kept cells (11,764 lines × 255)", "cells.csv", Encoding.UTF8.GetBytes(sb.ToString()));

        // The 19 MB of commas (refused at the cell limit).
        sb.Clear();
        string commas = new string(',', 99_999) + "\n";
        for (int i = 0; i < 190; i++)
        {
            sb.Append(commas);
        }

        Add("csv: 19 MB of commas (refused)", "commas.csv", Encoding.UTF8.GetBytes(sb.ToString()));
        return files;
    }

    private static async Task RunChildAsync(string name, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ImportBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("imports");
        start.ArgumentList.Add(path);
        using var child = Process.Start(start)!;
        string output = await child.StandardOutput.ReadToEndAsync();
        string errors = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} | {new FileInfo(path).Length / 1024.0:N0} KB | {output.Trim()}{errors.Trim()}"));
    }

    /// <summary>In the child process: read one file, print outcome, seconds, allocated MB and peak working set MB.</summary>
    private static int ReadOne(string path)
    {
        var importer = new ManualFigureImporter(TestCatalog.Create(), TimeProvider.System);
        using var stream = File.OpenRead(path);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = importer.Read(stream, Path.GetFileName(path), "bench");
        double seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var self = Process.GetCurrentProcess();
        string outcome = result.Errors.Count == 0 ? $"read {result.Rows:N0} rows" : result.Errors[0];
        outcome = outcome.Length > 90 ? outcome[..90] + "…" : outcome;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome} | {seconds:0.00} | {allocated / 1024.0 / 1024.0:N0} | {self.PeakWorkingSet64 / 1024.0 / 1024.0:N0}"));
        return 0;
    }
}
