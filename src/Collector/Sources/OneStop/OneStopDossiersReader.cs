using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>
/// Per-dossier records of any vendor, read through the source's <see cref="DossierSourceMapping"/> (the national sync
/// shape by default) and counted into the one-stop KPIs per unit and month. Each dossier counts in the months of its
/// own dates, whatever the source returns for the month asked. Everything is read before anything is written,
/// because a unit's month needs all its dossiers, which may come from several requests.
/// </summary>
public sealed class OneStopDossiersReader(SourceHttpClient http, Catalog catalog, TimeProvider time, ILogger<OneStopDossiersReader> logger) : ISourceReader
{
    private readonly ObservationValidator _validator = new(catalog);

    public SourceKind Kind => SourceKind.OneStopDossiers;

    public async Task ReadAsync(SourceDefinition source, IObservationSink sink, CancellationToken cancellationToken)
    {
        var mapping = source.DossierMapping;
        var now = time.GetUtcNow();
        var window = PollWindow.Months(now, source.Months);
        var poll = new DossierPoll(source, catalog, _validator, sink, window, now);
        if (PeriodPlaceholders.AsksForMonth(mapping.Path))
        {
            // Months before the window are asked too: a dossier received then may have finished inside it.
            foreach (var month in PollWindow.Months(now, source.Months + mapping.LookbackMonths))
            {
                poll.BeginRequest();
                await http.ForEachPageAsync(source, PeriodPlaceholders.Fill(mapping.Path, month, mapping.PeriodFormat), mapping.Paging, poll.OnItemsAsync, cancellationToken);
            }
        }
        else
        {
            poll.BeginRequest();
            await http.ForEachPageAsync(source, mapping.Path, mapping.Paging, poll.OnItemsAsync, cancellationToken);
        }

        if (poll.Outside > 0 || poll.Repeated > 0)
        {
            logger.LogInformation(
                "Nguồn {Source}: bỏ qua {Outside} hồ sơ có ngày ngoài các tháng cần tính và {Repeated} hồ sơ đã nhận ở lần gọi trước; mỗi hồ sơ được tính theo ngày của chính nó",
                source.Code, poll.Outside, poll.Repeated);
        }

        await sink.AddAsync(poll.Observations(), cancellationToken);
    }
}
