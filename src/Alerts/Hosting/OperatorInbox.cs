using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>
/// The alerting service's reader of operator actions: reads the log from where it stopped (with an overlap, since the
/// dashboard's clock may lag the service's), hands each acknowledgement over once and keeps the silences in force.
/// </summary>
internal sealed class OperatorInbox(AlertActions actions)
{
    // Writers stamp actions with their own clock; an action stamped slightly before the last read is still found.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Silence> _silences = new(StringComparer.Ordinal);
    private DateTimeOffset? _newest;

    /// <summary>The acknowledgements not handed over before, and every silence still in force at <paramref name="now"/>.</summary>
    public async Task<(IReadOnlyList<AcknowledgeAction> Acknowledgements, IReadOnlyList<Silence> Silences)> ReadAsync(
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = await actions.ReadAsync(_newest - Overlap, cancellationToken);
        var acknowledgements = new List<AcknowledgeAction>();
        foreach (var action in read.Where(a => _seen.Add(a.Id)))
        {
            if (action is AcknowledgeAction ack)
            {
                acknowledgements.Add(ack);
            }
            else if (action is SilenceAction silence)
            {
                _silences[silence.Id] = silence.ToSilence();
            }

            _newest = _newest is { } newest && newest > action.At ? newest : action.At;
        }

        foreach (var expired in _silences.Values.Where(s => s.Until <= now).ToList())
        {
            _silences.Remove(expired.Id);
        }

        return (acknowledgements, _silences.Values.ToList());
    }
}
