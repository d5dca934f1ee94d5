using System.Text.Json;
using KpiMonitor.SourceSimulator.Auth;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary><c>GET /onestop/api/statistics?period=&amp;page=&amp;pageSize=</c> (bearer), counted from the dossier records.</summary>
internal sealed class OneStopStatsEndpoint(SimulatorState state, IHostApplicationLifetime lifetime)
    : DataEndpoint<PeriodPageQuery>(state, lifetime)
{
    public const string Path = "/onestop/api/statistics";

    protected override string Name => SimEndpoints.OneStopStats;

    protected override AuthScheme Scheme => AuthScheme.Bearer;

    protected override bool TryParse(IQueryCollection query, out PeriodPageQuery parsed, out string error) =>
        PeriodPageQuery.TryParse(query, State.Options.MaxPageSize, out parsed, out error);

    protected override void Write(Utf8JsonWriter json, PeriodPageQuery query, BodyFaults faults, DateTimeOffset now)
    {
        var view = MonthView.Of(query.Period, now);
        var units = view is null ? [] : State.Units.Reporting(query.Period);
        PagedWriter.Write(json, query.Page, units.Count, faults, i => new DossierMonth(units[i], view!.Value).Statistics(), OneStopJson.Inflate, OneStopJson.Write);
    }
}
