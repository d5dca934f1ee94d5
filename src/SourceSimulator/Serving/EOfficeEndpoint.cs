using System.Text.Json;
using KpiMonitor.SourceSimulator.Auth;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary><c>GET /eoffice/api/v1/statistics?period=&amp;page=&amp;pageSize=</c> (bearer).</summary>
internal sealed class EOfficeEndpoint(SimulatorState state, IHostApplicationLifetime lifetime)
    : DataEndpoint<PeriodPageQuery>(state, lifetime)
{
    public const string Path = "/eoffice/api/v1/statistics";

    protected override string Name => SimEndpoints.EOffice;

    protected override AuthScheme Scheme => AuthScheme.Bearer;

    protected override bool TryParse(IQueryCollection query, out PeriodPageQuery parsed, out string error) =>
        PeriodPageQuery.TryParse(query, State.Options.MaxPageSize, out parsed, out error);

    protected override void Write(Utf8JsonWriter json, PeriodPageQuery query, BodyFaults faults, DateTimeOffset now)
    {
        var view = MonthView.Of(query.Period, now);
        var units = view is null ? [] : State.Units.Reporting(query.Period);
        PagedWriter.Write(json, query.Page, units.Count, faults, i => EOfficeFigures.For(units[i], view!.Value), EOfficeJson.Inflate, EOfficeJson.Write);
    }
}
