using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Where the KPI, unit and target files are.</summary>
public sealed class CatalogOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Catalog";

    /// <summary>
    /// Folder holding kpis.json, units.json and targets.json. A relative path is tried against the
    /// working directory, then against the folders above the program (so <c>dotnet run</c> finds <c>config/</c>).
    /// </summary>
    [Required(ErrorMessage = "Catalog:Directory phải chỉ tới thư mục cấu hình (kpis.json, units.json, targets.json).")]
    public string Directory { get; set; } = "config";

    /// <summary>Turns the configured folder into a full path that exists, or the first candidate when none does.</summary>
    public string Resolve()
    {
        if (Path.IsPathRooted(Directory))
        {
            return Directory;
        }

        var candidates = new List<string> { Path.GetFullPath(Directory) };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, Directory));
        }

        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, CatalogLoader.KpisFile))) ?? candidates[0];
    }
}
