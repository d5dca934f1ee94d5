using System.Net;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>How the dashboard is reached: behind a reverse proxy, over HTTPS (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Served over HTTPS (directly or by the reverse proxy): answers carry Strict-Transport-Security (outside
    /// Development) and plain HTTP requests are redirected to HTTPS. Off by default (the demo runs on http://localhost).
    /// </summary>
    public bool Https { get; set; }

    /// <summary>
    /// Port that plain HTTP requests are redirected to when <see cref="Https"/> is on; empty: the HTTPS port Kestrel
    /// listens on. Behind a reverse proxy that terminates TLS, set it (usually 443).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int? HttpsPort { get; set; }

    /// <summary>
    /// Addresses of the reverse proxies (e.g. "10.0.0.2") whose X-Forwarded-For and X-Forwarded-Proto headers are
    /// believed: the client address for sign-in limits and logs, and https for cookies and HSTS. Empty: believed from nobody.
    /// </summary>
    public IList<string> KnownProxies { get; init; } = [];

    /// <summary>Networks of reverse proxies in CIDR form (e.g. "172.18.0.0/16"), as <see cref="KnownProxies"/>.</summary>
    public IList<string> KnownNetworks { get; init; } = [];

    /// <summary>Whether forwarded headers are believed from anyone.</summary>
    public bool BehindProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>Every proxy address and network must be readable, or the dashboard does not start.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        for (int i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                problems.Add($"Web:KnownProxies:{i} '{options.KnownProxies[i]}' không phải địa chỉ IP (ví dụ 10.0.0.2)");
            }
        }

        for (int i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                problems.Add($"Web:KnownNetworks:{i} '{options.KnownNetworks[i]}' không phải mạng dạng CIDR (ví dụ 172.18.0.0/16)");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
