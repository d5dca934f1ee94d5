using KpiMonitor.Shared.Text;
using Microsoft.AspNetCore.Localization;

namespace KpiMonitor.Dashboard.Localization;

/// <summary>Request localization: vi-VN unless the <c>lang</c> cookie asks for en-US; texts from the UiText resources.</summary>
public static class LocalizationServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures.Vietnamese);
            options.SupportedCultures = [Cultures.Vietnamese, Cultures.English];
            options.SupportedUICultures = [Cultures.Vietnamese, Cultures.English];
            options.RequestCultureProviders = [new LangCookieCultureProvider()];
        });
        return services;
    }
}
