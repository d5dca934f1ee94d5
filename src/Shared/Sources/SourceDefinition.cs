namespace KpiMonitor.Shared.Sources;

/// <summary>One configured source, from <c>config/sources.json</c>.</summary>
public sealed record SourceDefinition
{
    /// <summary>Stable code, also written with every observation it produces.</summary>
    public required string Code { get; init; }

    /// <summary>Vietnamese name shown on the sources page.</summary>
    public required string NameVi { get; init; }

    /// <summary>What is read and how.</summary>
    public required SourceKind Kind { get; init; }

    /// <summary>Whether the collector polls it.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Quartz cron expression (seconds first) in Asia/Ho_Chi_Minh time.</summary>
    public required string Schedule { get; init; }

    /// <summary>Base URL of an HTTP source.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Authentication.</summary>
    public SourceAuth Auth { get; init; } = new();

    /// <summary>Time allowed for one request.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Items asked for per page.</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>How many months, back from the current one, each poll reads again (late corrections arrive).</summary>
    public int Months { get; init; } = 2;

    /// <summary>Source unit code → catalogue unit code; empty means the source uses catalogue codes.</summary>
    public IReadOnlyDictionary<string, string> UnitMap { get; init; } = new Dictionary<string, string>();

    /// <summary>After how long without a successful poll the source counts as stale.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Mapping of an <c>http-json</c> source.</summary>
    public JsonSourceMapping? Mapping { get; init; }

    /// <summary>Mapping of an <c>onestop-dossiers</c> source (the national sync shape unless configured).</summary>
    public DossierSourceMapping DossierMapping { get; init; } = DossierSourceMapping.NationalSync;

    /// <summary>Folder watched by a <c>drop-folder</c> source (done/ and failed/ are created inside it).</summary>
    public string? Folder { get; init; }
}
