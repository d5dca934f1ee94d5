using KpiMonitor.Alerts.Lifecycle.Events;

namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// The authoritative state of every rule instance, held by the one alerting service (ADR 011) and rebuilt at start
/// from the stored events. Instances that never left normal hold no state at all.
/// </summary>
public sealed class AlertBook(TimeProvider time, QuietHours? quietHours)
{
    private readonly Dictionary<AlertKey, AlertState> _states = [];

    /// <summary>Every instance that has had an event.</summary>
    public IReadOnlyCollection<AlertState> States => _states.Values;

    /// <summary>Rebuilds the book from stored events (any order across instances; sequence order within one).</summary>
    public static AlertBook Restore(TimeProvider time, QuietHours? quietHours, IEnumerable<AlertEvent> events)
    {
        var book = new AlertBook(time, quietHours);
        foreach (var stream in events.GroupBy(e => e.Key))
        {
            book._states[stream.Key] = AlertState.Restore(stream.Key, stream);
        }

        return book;
    }

    /// <summary>The state of an instance (initial when it has none).</summary>
    public AlertState Get(AlertKey key) => _states.GetValueOrDefault(key) ?? AlertState.Initial(key);

    /// <summary>Evaluates every instance given at the time of the injected clock.</summary>
    public AlertEvaluation Evaluate(IEnumerable<InstanceCondition> conditions, IReadOnlyList<Silence> silences)
    {
        var now = time.GetUtcNow();
        var active = silences.Where(s => s.Until > now).ToList();
        var events = new List<AlertEvent>();
        foreach (var (key, policy, condition) in conditions)
        {
            var state = Get(key);
            if (state.Sequence == 0 && condition.Status != ConditionStatus.Breaching)
            {
                continue;
            }

            var context = new AlertContext(now, active.Exists(s => s.Matches(key, now)), quietHours);
            Record(AlertStateMachine.Evaluate(state, condition, policy, context), events);
        }

        return new AlertEvaluation(now, events);
    }

    /// <summary>Applies an operator's acknowledgement (picked up from the store at the next evaluation).</summary>
    public AlertStep Acknowledge(AlertKey key, string by, string note)
    {
        var step = AlertStateMachine.Acknowledge(Get(key), by, note, time.GetUtcNow());
        Record(step, []);
        return step;
    }

    private void Record(AlertStep step, List<AlertEvent> events)
    {
        if (step.Events.Count > 0)
        {
            _states[step.State.Key] = step.State;
            events.AddRange(step.Events);
        }
    }
}
