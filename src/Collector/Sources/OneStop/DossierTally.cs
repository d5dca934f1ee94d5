namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>
/// One unit's dossier counts for one month, each dossier placed by its own dates: received-side counts in the
/// month of the received date (with the dossiers still in progress, late once past due at the month's end),
/// finished-side counts (finished, on time, late, digitised) in the month of the finished date.
/// </summary>
internal sealed class DossierTally
{
    private int _received, _online, _fullOnline, _fee, _paid, _pending, _finished, _onTime, _late, _digitised;

    /// <summary>Counts a dossier received in this month; <paramref name="cutoff"/> is the month's end, or now for the current month.</summary>
    public void AddReceived(DossierRecord d, DateTime cutoff)
    {
        _received++;
        _online += d.Online ? 1 : 0;
        _fullOnline += d.FullOnline ? 1 : 0;
        _fee += d.FeeBearing ? 1 : 0;
        _paid += d.FeeBearing && d.PaidOnline ? 1 : 0;
        if (d.State == DossierState.Pending)
        {
            _pending++;
            _late += d.Due < cutoff ? 1 : 0;
        }
    }

    /// <summary>Counts a dossier finished in this month.</summary>
    public void AddFinished(DossierRecord d)
    {
        bool inTime = d.Finished <= d.Due;
        _finished++;
        _onTime += inTime ? 1 : 0;
        _late += inTime ? 0 : 1;
        _digitised += d.Digitised ? 1 : 0;
    }

    public DossierCounts ToCounts() => new(
        Received: _received, Online: _online, FullOnline: _fullOnline, Finished: _finished, OnTime: _onTime, Late: _late,
        Pending: _pending, Digitised: _digitised, FeeBearing: _fee, PaidOnline: _paid);
}
