using System.ComponentModel.DataAnnotations;
using KpiMonitor.Shared.Configuration;

namespace KpiMonitor.SourceSimulator;

/// <summary>
/// What the simulator serves and how callers prove who they are. Bound from the <c>Simulator</c> section
/// when run standalone; built in code by tests and the dashboard demo. The defaults are the demo's
/// credentials, documented here because they guard nothing real.
/// </summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Demo OAuth2 client id of the e-office / one-stop realm.</summary>
    public const string DemoClientId = "kpimonitor";

    /// <summary>Demo OAuth2 client secret.</summary>
    public const string DemoClientSecret = "demo-secret";

    /// <summary>Demo <c>X-API-Key</c> of the anti-malware console.</summary>
    public const string DemoApiKey = "demo-api-key";

    /// <summary>Demo HTTP Basic user of the national portal.</summary>
    public const string DemoBasicUser = "kpimonitor";

    /// <summary>Demo HTTP Basic password of the national portal.</summary>
    public const string DemoBasicPassword = "demo-password";

    /// <summary>
    /// The province whose units report. When null and <see cref="SyntheticUnits"/> is 0, the catalogue in
    /// <c>config/</c> (section <c>Catalog:Directory</c>) is loaded.
    /// </summary>
    public Catalog? Catalog { get; init; }

    /// <summary>When above 0, serve this many synthetic units (codes N.00001…, ~15 % departments) instead of a catalogue.</summary>
    [Range(0, 99_999)]
    public int SyntheticUnits { get; init; }

    /// <summary>Same seed and units, same figures, on every run.</summary>
    public int Seed { get; init; } = 766;

    [Required]
    public string ClientId { get; init; } = DemoClientId;

    [Required]
    public string ClientSecret { get; init; } = DemoClientSecret;

    [Required]
    public string ApiKey { get; init; } = DemoApiKey;

    [Required]
    public string BasicUser { get; init; } = DemoBasicUser;

    [Required]
    public string BasicPassword { get; init; } = DemoBasicPassword;

    /// <summary>How long an access token lives (Keycloak's default: 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest <c>pageSize</c> accepted; larger asks are answered 400 (the contract's limit is 500).</summary>
    [Range(1, 500)]
    public int MaxPageSize { get; init; } = 500;

    /// <summary>
    /// The simulator's clock: months after the current one have no figures, the current month is partial,
    /// tokens expire by it. Tests pass a fake one.
    /// </summary>
    public TimeProvider Now { get; init; } = TimeProvider.System;

    /// <summary>For <see cref="SimulatorHost"/>: the loopback port to listen on, 0 for any free port.</summary>
    [Range(0, 65535)]
    public int Port { get; init; }
}
