using System.Text.Json;
using KpiMonitor.SourceSimulator.Auth;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary><c>GET /onestop/api/dossiers?period=&amp;page=&amp;pageSize=</c> (bearer): every dossier received in the month, unit after unit.</summary>
internal sealed class OneStopDossiersEndpoint(SimulatorState state, IHostApplicationLifetime lifetime)
    : DataEndpoint<PeriodPageQuery>(state, lifetime)
{
    public const string Path = "/onestop/api/dossiers";

    protected override string Name => SimEndpoints.OneStopDossiers;

    protected override AuthScheme Scheme => AuthScheme.Bearer;

    protected override bool TryParse(IQueryCollection query, out PeriodPageQuery parsed, out string error) =>
        PeriodPageQuery.TryParse(query, State.Options.MaxPageSize, out parsed, out error);

    protected override void Write(Utf8JsonWriter json, PeriodPageQuery query, BodyFaults faults, DateTimeOffset now)
    {
        var index = new DossierIndex(State.Units.Reporting(query.Period), MonthView.Of(query.Period, now));
        PagedWriter.Write(json, query.Page, index.Total, faults, index.Record, DossierJson.Inflate, DossierJson.Write);
    }
}
