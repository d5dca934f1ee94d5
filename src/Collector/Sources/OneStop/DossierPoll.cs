using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>
/// One poll of an <c>onestop-dossiers</c> source: every answer's dossiers are placed in the months of their own
/// dates (Vietnamese time), whatever month was asked for, so a source that ignores or lacks a month filter is
/// counted right. Dossiers outside the poll window are left out; a dossier served again by a later request (a
/// source ignoring the filter, or the look-back months) counts once; one served twice within a request is reported.
/// </summary>
internal sealed class DossierPoll(SourceDefinition source, Catalog catalog, ObservationValidator validator, IObservationSink sink,
    IReadOnlyList<DateOnly> window, DateTimeOffset now)
{
    private readonly DossierSourceMapping _mapping = source.DossierMapping;
    private readonly UnitResolver _resolver = new(source, catalog);
    private readonly HashSet<DateOnly> _months = [.. window];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Unit, DateOnly Month), DossierTally> _tallies = [];
    private readonly HashSet<(string Unit, DateOnly Month)> _rejected = [];
    private readonly DateTime _now = VietnamTime.ToLocal(now).DateTime;
    private HashSet<string> _request = new(StringComparer.Ordinal);

    /// <summary>Dossiers whose dates fall outside the poll window.</summary>
    public int Outside { get; private set; }

    /// <summary>Dossiers an earlier request of this poll already served.</summary>
    public int Repeated { get; private set; }

    /// <summary>Starts a new request (one month asked for, or the one unfiltered read).</summary>
    public void BeginRequest() => _request = new HashSet<string>(StringComparer.Ordinal);

    public Task OnItemsAsync(JsonElement items, CancellationToken cancellationToken)
    {
        foreach (var item in items.EnumerateArray())
        {
            Read(item);
        }

        return Task.CompletedTask;
    }

    private void Read(JsonElement item)
    {
        var fields = _mapping.Fields;
        var record = new RecordBuilder(sink, validator, "(không rõ)");
        string code = record.Text(JsonPath.Parent(item, fields.Unit), JsonPath.Leaf(fields.Unit));
        if (record.Failed)
        {
            return;
        }

        record.Unit = code;
        string id = record.Text(JsonPath.Parent(item, fields.Id), JsonPath.Leaf(fields.Id));
        if (record.Failed)
        {
            return;
        }

        if (!_request.Add(id))
        {
            // Offset paging over a live system can serve a dossier twice; it is counted once.
            record.Fail(fields.Id, $"hồ sơ '{id}' xuất hiện hơn một lần; chỉ tính một lần");
            return;
        }

        if (!_ids.Add(id))
        {
            Repeated++;
            return;
        }

        if (DossierRecord.ReadDates(item, _mapping, record) is not { } dates)
        {
            // Which month it belongs to is unknown: none of its unit's months may pass for a month without dossiers.
            if (_resolver.Resolve(code) is { } undated)
            {
                _rejected.UnionWith(_months.Select(m => (undated, m)));
            }

            return;
        }

        var receivedMonth = MonthOf(dates.Received);
        DateOnly? finishedMonth = dates.Finished is { } f ? MonthOf(f) : null;
        bool countsReceived = _months.Contains(receivedMonth);
        bool countsFinished = finishedMonth is { } fm && _months.Contains(fm);
        if (!countsReceived && !countsFinished)
        {
            Outside++;
            return;
        }

        if (_resolver.Resolve(code) is not { } unit)
        {
            record.Fail(fields.Unit, $"mã đơn vị '{code}' không có trong danh mục hay bảng ánh xạ của nguồn");
            return;
        }

        if (DossierRecord.Read(item, dates, _mapping, record) is not { } dossier)
        {
            // The unit had a dossier in these months, just not a readable one: it must not be reported as having none.
            _rejected.Add((unit, receivedMonth));
            if (finishedMonth is { } rejectedFinished)
            {
                _rejected.Add((unit, rejectedFinished));
            }

            return;
        }

        if (countsReceived)
        {
            Tally(unit, receivedMonth).AddReceived(dossier, Cutoff(receivedMonth));
        }

        if (countsFinished)
        {
            Tally(unit, finishedMonth!.Value).AddFinished(dossier);
        }
    }

    /// <summary>
    /// The figures of every unit and month of the window. A unit the source knows through its unit map but with no
    /// dossiers in a month gets 0 for each count; its rates stay undefined. One whose only dossiers of the month were
    /// rejected gets nothing (the rejection is reported), never a zero that looks like a quiet month.
    /// </summary>
    public List<Observation> Observations()
    {
        var observations = new List<Observation>();
        var fields = _mapping.Fields;
        bool Produced(string kpi) => kpi switch
        {
            "online_dossier_rate" => fields.Channel is not null,
            "full_online_dossier_rate" => fields.FullOnline is not null,
            "digitization_rate" => fields.Digitised is not null,
            "online_payment_rate" => fields.FeeBearing is not null && fields.PaidOnline is not null,
            _ => true,
        };

        foreach (var month in _months.Order())
        {
            var start = VietnamTime.StartOf(month);
            foreach (var ((unit, _), tally) in _tallies.Where(t => t.Key.Month == month).OrderBy(t => t.Key.Unit, StringComparer.Ordinal))
            {
                var record = new RecordBuilder(sink, validator, unit);
                tally.ToCounts().AddTo(record, unit, start, source.Code, Produced);
                record.CommitTo(observations);
            }

            var quiet = source.UnitMap.Values.Distinct(StringComparer.Ordinal).Where(u => !_tallies.ContainsKey((u, month)) && !_rejected.Contains((u, month)));
            foreach (string unit in quiet.Order(StringComparer.Ordinal))
            {
                var record = new RecordBuilder(sink, validator, unit);
                new DossierCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).AddTo(record, unit, start, source.Code, DossierCounts.CountKpis.Contains);
                record.CommitTo(observations);
            }
        }

        return observations;
    }

    private DossierTally Tally(string unit, DateOnly month)
    {
        if (!_tallies.TryGetValue((unit, month), out var tally))
        {
            _tallies[(unit, month)] = tally = new DossierTally();
        }

        return tally;
    }

    /// <summary>When "past due" is judged for dossiers still in progress: the month's end, or now for the current month.</summary>
    private DateTime Cutoff(DateOnly month)
    {
        var end = month.AddMonths(1).ToDateTime(TimeOnly.MinValue);
        return end < _now ? end : _now;
    }

    private static DateOnly MonthOf(DateTime local) => new(local.Year, local.Month, 1);
}
