using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// Turns one data row into an observation, or into the problems of its cells. Every problem of the row is
/// reported, not just the first, so one round of corrections is enough.
/// </summary>
internal sealed class FigureRowReader(Catalog catalog, CatalogCodes codes, ImportHeader header, string source, DateTimeOffset receivedAt)
{
    private readonly ObservationValidator _validator = new(catalog);

    public Observation? Read(ImportRow row, List<ImportError> errors)
    {
        var problems = new List<(string Column, string Problem)>();
        var kpiCell = header.CellOf(row, FigureField.Kpi);
        var kpi = kpiCell.IsEmpty ? null : codes.Kpi(kpiCell.Text);
        if (kpi is null)
        {
            problems.Add((header.NameOf(FigureField.Kpi),
                kpiCell.IsEmpty ? SharedText.Get("row.noKpi") : SharedText.Format("row.unknownKpi", kpiCell.Text)));
        }

        var unitCell = header.CellOf(row, FigureField.Unit);
        string? unit = unitCell.IsEmpty ? null : codes.Unit(unitCell.Text);
        if (unit is null)
        {
            problems.Add((header.NameOf(FigureField.Unit),
                unitCell.IsEmpty ? SharedText.Get("row.noUnit") : SharedText.Format("row.unknownUnit", unitCell.Text)));
        }

        var periodCell = header.CellOf(row, FigureField.Period);
        DateOnly day = default;
        string? badPeriod = periodCell.IsEmpty ? SharedText.Get("row.noPeriod") : FigurePeriod.TryParse(periodCell, out day);
        if (badPeriod is not null)
        {
            problems.Add((header.NameOf(FigureField.Period), badPeriod));
        }

        if (kpi is not null && badPeriod is null && FuturePeriod.Problem(kpi.Period, day, receivedAt) is { } future)
        {
            problems.Add((header.NameOf(FigureField.Period), future));
        }

        var figures = kpi is null ? null : Figures(kpi, row, problems);
        var observation = figures is not null && unit is not null && problems.Count == 0
            ? figures with { Unit = unit, Time = VietnamTime.StartOf(kpi!.Period.FirstDayOf(day)) }
            : null;
        if (observation is not null && _validator.Validate(observation) is { } reason)
        {
            problems.Add((FiguresColumn(kpi!), reason));
        }

        string? unitForReport = unit ?? (unitCell.IsEmpty ? null : unitCell.Text);
        errors.AddRange(problems.Select(p => new ImportError(row.Number, p.Column, unitForReport, p.Problem)));
        return problems.Count == 0 ? observation : null;
    }

    /// <summary>
    /// Ratio KPIs need both parts; a value cell beside them is ignored (people often keep the percentage for
    /// reading, and the parts are what the store keeps and rolls up). Other kinds need a value and no parts.
    /// Unit and time are filled in by the caller once the whole row is known to be readable.
    /// </summary>
    private Observation? Figures(KpiDefinition kpi, ImportRow row, List<(string, string)> problems)
    {
        var value = header.CellOf(row, FigureField.Value);
        var numerator = header.CellOf(row, FigureField.Numerator);
        var denominator = header.CellOf(row, FigureField.Denominator);
        if (kpi.Kind == KpiKind.Ratio)
        {
            if (numerator.IsEmpty && denominator.IsEmpty)
            {
                problems.Add(value.IsEmpty
                    ? (header.NameOf(FigureField.Numerator), SharedText.Get("row.noFraction"))
                    : (header.NameOf(FigureField.Value), SharedText.Format("row.rateNeedsFraction", kpi.Code)));
                return null;
            }

            double? n = Number(numerator, FigureField.Numerator, SharedText.Get("row.noNumerator"), problems);
            double? d = Number(denominator, FigureField.Denominator, SharedText.Get("row.noDenominator"), problems);
            return n is { } num && d is { } den
                ? Observation.Ratio(kpi.Code, "", default, num, den, source) with { ReceivedAt = receivedAt }
                : null;
        }

        if (!numerator.IsEmpty || !denominator.IsEmpty)
        {
            problems.Add((header.NameOf(numerator.IsEmpty ? FigureField.Denominator : FigureField.Numerator),
                SharedText.Format("row.notARate", kpi.Code)));
        }

        return Number(value, FigureField.Value, SharedText.Get("row.noValue"), problems) is { } v
            ? Observation.Scalar(kpi.Code, "", default, v, source) with { ReceivedAt = receivedAt }
            : null;
    }

    private double? Number(ImportCell cell, FigureField field, string missing, List<(string, string)> problems)
    {
        double number = 0;
        string? problem = cell.IsEmpty ? missing : FigureNumber.TryParse(cell, out number);
        if (problem is null)
        {
            return number;
        }

        problems.Add((header.NameOf(field), problem));
        return null;
    }

    private string FiguresColumn(KpiDefinition kpi) => kpi.Kind == KpiKind.Ratio
        ? $"{header.NameOf(FigureField.Numerator)}/{header.NameOf(FigureField.Denominator)}"
        : header.NameOf(FigureField.Value);
}
