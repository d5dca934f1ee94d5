using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>
/// Per-dossier records (national sync shape) counted into the one-stop KPIs per unit and month. All pages
/// of a month are read before anything is written, because a unit's rate needs all its dossiers.
/// </summary>
public sealed class OneStopDossiersReader(SourceHttpClient http, Catalog catalog, TimeProvider time) : ISourceReader
{
    private readonly ObservationValidator _validator = new(catalog);

    public SourceKind Kind => SourceKind.OneStopDossiers;

    public async Task ReadAsync(SourceDefinition source, IObservationSink sink, CancellationToken cancellationToken)
    {
        var resolver = new UnitResolver(source, catalog);
        foreach (var month in PollWindow.Months(time.GetUtcNow(), source.Months))
        {
            var records = new List<DossierRecord>();
            var dossierCodes = new HashSet<string>(StringComparer.Ordinal);
            await http.ForEachPageAsync(source, $"onestop/api/dossiers?period={PollWindow.Format(month)}", "items", (items, _) =>
            {
                foreach (var item in items.EnumerateArray())
                {
                    var record = new RecordBuilder(sink, _validator, "(không rõ)");
                    string code = record.Text(item, "MaDonVi");
                    if (record.Failed)
                    {
                        continue;
                    }

                    record.Unit = code;
                    string dossierCode = record.Text(item, "MaHoSo");
                    if (!record.Failed && !dossierCodes.Add(dossierCode))
                    {
                        // Offset paging over a live system can serve a dossier twice; it is counted once.
                        record.Fail("MaHoSo", $"hồ sơ '{dossierCode}' xuất hiện hơn một lần; chỉ tính một lần");
                    }

                    if (record.Failed)
                    {
                        continue;
                    }

                    if (resolver.Resolve(code) is not { } unit)
                    {
                        record.Fail("MaDonVi", $"mã đơn vị '{code}' không có trong danh mục hay bảng ánh xạ của nguồn");
                    }
                    else if (DossierRecord.Read(item, unit, record) is { } dossier)
                    {
                        records.Add(dossier);
                    }
                }

                return Task.CompletedTask;
            }, cancellationToken);

            await sink.AddAsync(Count(records, month, sink, source.Code), cancellationToken);
        }
    }

    private List<Observation> Count(List<DossierRecord> records, DateOnly month, IObservationSink sink, string source)
    {
        var start = VietnamTime.StartOf(month);
        var monthEnd = VietnamTime.StartOf(month.AddMonths(1));
        var now = time.GetUtcNow();
        var cutoff = (monthEnd < now ? monthEnd : now).ToOffset(TimeSpan.FromHours(7)).DateTime;
        var observations = new List<Observation>();
        foreach (var unit in records.GroupBy(r => r.Unit))
        {
            int finished = 0, onTime = 0, late = 0, pending = 0, digitised = 0;
            foreach (var d in unit)
            {
                if (d.IsFinished)
                {
                    finished++;
                    bool inTime = d.Finished <= d.Due;
                    onTime += inTime ? 1 : 0;
                    late += inTime ? 0 : 1;
                    digitised += d.Digitised ? 1 : 0;
                }
                else if (d.IsPending)
                {
                    pending++;
                    late += d.Due < cutoff ? 1 : 0;
                }
            }

            var counts = new DossierCounts(
                Received: unit.Count(), Online: unit.Count(d => d.Channel == 2), FullOnline: unit.Count(d => d.FullOnline),
                Finished: finished, OnTime: onTime, Late: late, Pending: pending, Digitised: digitised,
                FeeBearing: unit.Count(d => d.FeeBearing), PaidOnline: unit.Count(d => d.FeeBearing && d.PaidOnline));
            var record = new RecordBuilder(sink, _validator, unit.Key);
            counts.AddTo(record, unit.Key, start, source);
            record.CommitTo(observations);
        }

        return observations;
    }
}
