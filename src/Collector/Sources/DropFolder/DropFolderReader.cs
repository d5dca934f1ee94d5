using System.Globalization;
using System.Text;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Imports;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Collector.Sources.DropFolder;

/// <summary>
/// Imports the .csv and .xlsx files people drop into a folder. Each file is imported whole or not at all
/// (<see cref="ManualFigureImporter"/>) and then moved out of the way: to <c>done/</c>, or to <c>failed/</c> with a
/// <c>.loi.txt</c> beside it listing every error, so each file is processed once and the person sees the outcome
/// in the folder itself.
/// </summary>
public sealed class DropFolderReader : ISourceReader
{
    /// <summary>Files modified more recently than this may still be being copied in and are left for the next run.</summary>
    public static readonly TimeSpan DefaultSettleTime = TimeSpan.FromSeconds(2);

    private const string FileLevel = "(tệp)";
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly ManualFigureImporter _importer;
    private readonly TimeProvider _time;
    private readonly ILogger<DropFolderReader> _logger;
    private readonly TimeSpan _settleTime;

    public DropFolderReader(Catalog catalog, TimeProvider time, ILogger<DropFolderReader> logger, TimeSpan? settleTime = null)
    {
        _importer = new ManualFigureImporter(catalog, time, ImportLimits.Default);
        _time = time;
        _logger = logger;
        _settleTime = settleTime ?? DefaultSettleTime;
    }

    public SourceKind Kind => SourceKind.DropFolder;

    public async Task ReadAsync(SourceDefinition source, IObservationSink sink, CancellationToken cancellationToken)
    {
        // The .loi.txt is read by the Vietnamese staff who dropped the file, whatever culture this machine runs in;
        // the culture is async-local, so this ends with the call.
        CultureInfo.CurrentUICulture = Cultures.Vietnamese;
        if (string.IsNullOrWhiteSpace(source.Folder))
        {
            throw new SourceReadException($"Nguồn '{source.Code}': chưa cấu hình thư mục (folder).");
        }

        var folder = new DropFolderPaths(Path.GetFullPath(source.Folder));
        List<FileInfo> pending;
        try
        {
            Directory.CreateDirectory(folder.Done);
            Directory.CreateDirectory(folder.Failed);
            pending = Pending(folder.Root);
        }
        catch (Exception ex) when (IsFolderProblem(ex, folder.Root))
        {
            throw Unusable(folder.Root, ex);
        }

        foreach (var file in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ImportAsync(source, folder, file, sink, cancellationToken);
        }
    }

    private List<FileInfo> Pending(string root)
    {
        // File times come from the operating system's clock, which in production is also the TimeProvider's.
        var settledBefore = _time.GetUtcNow().UtcDateTime - _settleTime;
        return new DirectoryInfo(root).EnumerateFiles()
            .Where(f => !f.Name.StartsWith("~$", StringComparison.Ordinal) && !f.Name.StartsWith('.'))
            .Where(f => f.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || f.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            .Where(f => f.LastWriteTimeUtc <= settledBefore)
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "A file's failure must not stop the other files of the folder.")]
    private async Task ImportAsync(SourceDefinition source, DropFolderPaths folder, FileInfo file, IObservationSink sink, CancellationToken cancellationToken)
    {
        ImportResult? result = null;
        IReadOnlyList<ImportError> problems;
        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
            result = _importer.Read(stream, file.Name, source.Code);
            problems = result.Problems;
        }
        catch (FileNotFoundException)
        {
            // Taken away by a person between the listing and now: nothing to do.
            return;
        }
        catch (IOException ex)
        {
            // Typically still open for writing in another program; the next run tries again.
            _logger.LogWarning(ex, "Thư mục nhận tệp {Source}: chưa mở được {File}, để lại cho lần chạy sau", source.Code, file.FullName);
            return;
        }
        catch (UnauthorizedAccessException ex)
        {
            problems = [new ImportError(null, null, null, $"không có quyền đọc tệp ({ex.Message})")];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The importer refuses what it cannot read; should anything in a file still escape it, that file goes to
            // failed/ like any refused one, and the other files of the folder are read in this same run.
            _logger.LogError(ex, "Thư mục nhận tệp {Source}: lỗi không lường trước khi đọc {File}", source.Code, file.Name);
            problems = [new ImportError(null, null, null, "không đọc được tệp: tệp hỏng hoặc không đúng định dạng")];
        }

        if (result is { Succeeded: true })
        {
            await sink.AddAsync(result.Observations, cancellationToken);

            // If the process dies here the file stays and is imported again on the next run. That is harmless:
            // observations are keyed by KPI, unit and period, so the second import overwrites the first.
            if (Move(folder, file, folder.Done) is { } done)
            {
                _logger.LogInformation("Thư mục nhận tệp {Source}: đã nhập {Count} số liệu từ {File}, chuyển sang {Target}",
                    source.Code, result.Observations.Count, file.Name, done);
            }

            return;
        }

        foreach (var problem in problems)
        {
            string field = problem.Column ?? (problem.Row is { } row ? $"dòng {row}" : FileLevel);
            sink.Reject(problem.Unit ?? FileLevel, field, $"tệp '{file.Name}': {problem}");
        }

        if (Move(folder, file, folder.Failed) is { } failed)
        {
            string report = $"Tệp '{file.Name}' không được nhập: không số liệu nào của tệp được ghi. "
                + $"Sửa các lỗi dưới đây rồi thả lại tệp vào thư mục.{Environment.NewLine}{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems) + Environment.NewLine;
            try
            {
                await File.WriteAllTextAsync(failed + ".loi.txt", report, Utf8WithBom, cancellationToken);
            }
            catch (Exception ex) when (IsFolderProblem(ex, folder.Root))
            {
                throw Unusable(folder.Root, ex);
            }
            catch (IOException ex)
            {
                // The errors still reach the sink and the log; only the note beside the file is missing.
                _logger.LogWarning(ex, "Thư mục nhận tệp {Source}: không ghi được danh sách lỗi cạnh {Target}", source.Code, failed);
            }

            _logger.LogWarning("Thư mục nhận tệp {Source}: từ chối {File} ({ErrorCount} lỗi, lỗi đầu: {FirstError}), chuyển sang {Target}",
                source.Code, file.Name, problems.Count, problems[0].ToString(), failed);
        }
    }

    /// <summary>Moves the file into <paramref name="target"/> under a timestamped name; null when it could not be moved now.</summary>
    private string? Move(DropFolderPaths folder, FileInfo file, string target)
    {
        string stamp = VietnamTime.ToLocal(_time.GetUtcNow()).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string destination = Path.Combine(target, $"{stamp}_{file.Name}");
        for (int n = 2; File.Exists(destination) || File.Exists(destination + ".loi.txt"); n++)
        {
            destination = Path.Combine(target, $"{stamp}-{n}_{file.Name}");
        }

        try
        {
            File.Move(file.FullName, destination);
            return destination;
        }
        catch (Exception ex) when (IsFolderProblem(ex, folder.Root))
        {
            throw Unusable(folder.Root, ex);
        }
        catch (IOException ex)
        {
            // Held open by another program: the file stays, and the next run deals with it.
            _logger.LogWarning(ex, "Thư mục nhận tệp: không chuyển được {File} sang {Target}, để lại cho lần chạy sau", file.FullName, target);
            return null;
        }
    }

    /// <summary>A refusal that means the folder itself cannot be used, rather than one file being busy.</summary>
    private static bool IsFolderProblem(Exception ex, string folder) =>
        ex is UnauthorizedAccessException or DirectoryNotFoundException or PathTooLongException
        || (ex is IOException && !Directory.Exists(folder));

    private static SourceReadException Unusable(string folder, Exception ex) =>
        new($"Thư mục nhận tệp '{folder}' không dùng được: {ex.Message}", ex);
}
