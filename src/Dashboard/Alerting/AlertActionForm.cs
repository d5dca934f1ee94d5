using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Alerting;

/// <summary>
/// What the alerts page's forms accept, each refusal a sentence in the reader's language: a note (required, at most
/// <see cref="NoteLength"/> characters) and a silence (a known unit and/or KPI, an end in the Vietnamese local time the
/// form's datetime field writes, in the future and at most <see cref="LongestSilence"/> away).
/// </summary>
public static class AlertActionForm
{
    public const int NoteLength = 500;
    public static readonly TimeSpan LongestSilence = TimeSpan.FromDays(90);

    private static readonly string[] TimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm"];

    public static void CheckNote(string? note, List<string> problems, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(note))
        {
            problems.Add(UiText.Get("alerts.noteRequired", culture));
        }
        else if (note.Trim().Length > NoteLength)
        {
            problems.Add(UiText.Format("alerts.noteTooLong", culture, NoteLength));
        }
    }

    /// <summary>The silence's unit, KPI (blank ones null) and end (UTC), or null with the reasons added to <paramref name="problems"/>.</summary>
    public static (string? Unit, string? Kpi, DateTimeOffset Until)? CheckSilence(string? unit, string? kpi, string? until, DateTimeOffset now,
        Catalog catalog, List<string> problems, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(problems);
        int before = problems.Count;
        unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        kpi = string.IsNullOrWhiteSpace(kpi) ? null : kpi.Trim();
        if (unit is null && kpi is null)
        {
            problems.Add(UiText.Get("alerts.silenceWhat", culture));
        }

        if (unit is not null && !catalog.Units.Contains(unit))
        {
            problems.Add(UiText.Format("alerts.badUnit", culture, unit));
        }

        if (kpi is not null && !catalog.Kpis.Contains(kpi))
        {
            problems.Add(UiText.Format("alerts.badKpi", culture, kpi));
        }

        DateTimeOffset end = default;
        if (!DateTime.TryParseExact(until?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            problems.Add(UiText.Get("alerts.badUntil", culture));
        }
        else
        {
            end = new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local)).ToUniversalTime();
            if (end <= now)
            {
                problems.Add(UiText.Get("alerts.untilPast", culture));
            }
            else if (end > now + LongestSilence)
            {
                problems.Add(UiText.Format("alerts.untilFar", culture, LongestSilence.TotalDays));
            }
        }

        return problems.Count == before ? (unit, kpi, end) : null;
    }
}
