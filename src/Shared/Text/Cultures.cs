using System.Globalization;

namespace KpiMonitor.Shared.Text;

/// <summary>The two languages people read KpiMonitor in: Vietnamese (the default) and English.</summary>
public static class Cultures
{
    /// <summary>Vietnamese, the default for every reader and every process that is not told otherwise.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>English, for readers who chose it.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Whether <paramref name="culture"/> is English (any region); everything else reads Vietnamese.</summary>
    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The supported culture closest to <paramref name="culture"/>: English for any English, otherwise Vietnamese.</summary>
    public static CultureInfo Of(CultureInfo culture) => IsEnglish(culture) ? English : Vietnamese;
}
