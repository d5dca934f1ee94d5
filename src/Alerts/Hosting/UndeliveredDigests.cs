using System.Globalization;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>
/// The digests decided but not yet recorded as sent in the outbox (ADR 011). Nothing of them lives only in memory: a
/// digest is rebuilt from the stored <see cref="AlertNotified"/> events of its evaluation (one evaluation = the
/// notifications sharing one time) with <see cref="DigestBuilder"/>, which gives the same digests and ids again. An
/// evaluation whose digests are all recorded as sent is marked done in <see cref="Rounds"/>, so a restart rebuilds only
/// unfinished evaluations, and a later change of recipients cannot make old notifications look unsent.
/// </summary>
internal sealed class UndeliveredDigests(IEventLog log, RecipientDirectory recipients)
{
    /// <summary>The outbox-style log of evaluations whose digests were all sent (id: the evaluation's Unix milliseconds).</summary>
    public const string Rounds = "alert-rounds";

    private readonly List<(string Round, Digest Digest)> _owed = [];

    public int Count => _owed.Count;

    public IReadOnlyList<Digest> Digests => [.. _owed.Select(o => o.Digest)];

    /// <summary>Stored events in milliseconds (InfluxDB): the key an evaluation gets in memory and after a restore alike.</summary>
    public static string RoundOf(DateTimeOffset evaluatedAt) =>
        evaluatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Replaces what is held with the unsent digests of the stored notifications; marks finished evaluations done.</summary>
    public async Task RestoreAsync(IEnumerable<AlertNotified> notifications, CancellationToken cancellationToken)
    {
        _owed.Clear();
        var done = await log.GetSentAsync(Rounds, cancellationToken);
        foreach (var round in notifications.GroupBy(n => RoundOf(n.At)).Where(r => !done.Contains(r.Key)))
        {
            _owed.AddRange(DigestBuilder.Build(round, recipients).Select(d => (round.Key, d)));
        }

        await ForgetSentAsync(cancellationToken);
    }

    /// <summary>Holds the digests of an evaluation until the outbox records them as sent.</summary>
    public void Add(DateTimeOffset evaluatedAt, IReadOnlyList<Digest> digests)
    {
        string round = RoundOf(evaluatedAt);
        _owed.AddRange(digests.Where(d => !_owed.Exists(o => o.Digest.Id == d.Id)).Select(d => (round, d)));
    }

    /// <summary>Drops what the outbox records as sent (one read) and marks the evaluations left with nothing owed as done.</summary>
    public async Task ForgetSentAsync(CancellationToken cancellationToken)
    {
        if (_owed.Count == 0)
        {
            return;
        }

        var sent = await log.GetSentAsync(OutboxNotifier.Outbox, cancellationToken);
        var rounds = _owed.Select(o => o.Round).Distinct(StringComparer.Ordinal).ToList();
        _owed.RemoveAll(o => sent.Contains(o.Digest.Id));
        foreach (string round in rounds.Where(r => !_owed.Exists(o => o.Round == r)))
        {
            await log.MarkSentAsync(Rounds, round, cancellationToken);
        }
    }
}
