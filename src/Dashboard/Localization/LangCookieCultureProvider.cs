using KpiMonitor.Shared.Text;
using Microsoft.AspNetCore.Localization;

namespace KpiMonitor.Dashboard.Localization;

/// <summary>
/// The reader's culture comes from the language switch's <c>lang</c> cookie ("en" or "vi"), the only request culture
/// provider: the explicit switch wins, and a browser's Accept-Language alone does not turn the dashboard English,
/// because officials share machines set up in English and expect the Vietnamese dashboard (vi-VN is the default).
/// </summary>
public sealed class LangCookieCultureProvider : RequestCultureProvider
{
    public const string Cookie = "lang";

    private static readonly Task<ProviderCultureResult?> English = Task.FromResult<ProviderCultureResult?>(new(Cultures.English.Name));
    private static readonly Task<ProviderCultureResult?> Vietnamese = Task.FromResult<ProviderCultureResult?>(new(Cultures.Vietnamese.Name));
    private static readonly Task<ProviderCultureResult?> None = Task.FromResult<ProviderCultureResult?>(null);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Cookies[Cookie] switch
        {
            "en" => English,
            "vi" => Vietnamese,
            _ => None,
        };
}
