using System.Globalization;
using System.Resources;

namespace KpiMonitor.Shared.Text;

/// <summary>
/// The texts Shared's services write for people (import refusals, a future period's refusal): SharedText.resx in
/// Vietnamese, the neutral language, and SharedText.en.resx. They are read in the current UI culture, so a web request
/// of an English reader gets English and every other process (the collector, an invariant-culture machine) Vietnamese.
/// </summary>
public static class SharedText
{
    private static readonly ResourceManager Resources = new(typeof(SharedText).FullName!, typeof(SharedText).Assembly);

    /// <summary>The culture the texts are written in now: English when the current UI culture is English, otherwise Vietnamese.</summary>
    public static CultureInfo Culture => Cultures.Of(CultureInfo.CurrentUICulture);

    /// <summary>The text of <paramref name="key"/> in <see cref="Culture"/>; the key itself when there is none.</summary>
    public static string Get(string key) => Resources.GetString(key, Culture) ?? key;

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in, numbers written the way <see cref="Culture"/> writes them.</summary>
    public static string Format(string key, params object?[] args) => string.Format(Culture, Get(key), args);
}
