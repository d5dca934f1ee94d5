namespace KpiMonitor.Dashboard.Localization;

/// <summary>The reader's language: Vietnamese unless the <c>lang</c> cookie says English.</summary>
public static class Lang
{
    public const string Cookie = "lang";

    public static bool English(HttpContext context) => context.Request.Cookies[Cookie] == "en";
}
