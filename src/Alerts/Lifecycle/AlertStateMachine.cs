using KpiMonitor.Alerts.Lifecycle.Events;

namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// Decides, from an instance's state and one evaluation's condition, which events happen. The state moves only
/// by applying those events, so whatever the service decides it can rebuild from the store.
/// </summary>
public static class AlertStateMachine
{
    /// <summary>One evaluation of one rule instance.</summary>
    public static AlertStep Evaluate(AlertState state, AlertCondition condition, AlertPolicy policy, AlertContext context)
    {
        var step = new Recorder(state);
        var now = context.Now;
        switch (condition.Status)
        {
            case ConditionStatus.Breaching:
                Breach(step, condition, policy, now);
                break;
            case ConditionStatus.Ok when step.State.Phase == AlertPhase.Pending:
                step.Add(new AlertPendingCancelled(state.Key, step.Next, now));
                break;
            case ConditionStatus.Ok when step.State.Phase == AlertPhase.Firing && Counts(step.State, condition, policy):
                int clean = step.State.Count + 1;
                step.Add(clean > policy.KeepFiringFor
                    ? new AlertResolved(state.Key, step.Next, now, Announce: step.State.LastNotifiedAt is not null || !context.Silenced)
                    : new AlertClearing(state.Key, step.Next, now, clean));
                break;
        }

        Notify(step, condition, policy, context);
        return new AlertStep(step.State, step.Events);
    }

    /// <summary>An operator acknowledges; only a firing, not yet acknowledged alert takes it.</summary>
    public static AlertStep Acknowledge(AlertState state, string by, string note, DateTimeOffset now)
    {
        var step = new Recorder(state);
        if (state.Phase == AlertPhase.Firing && state.Acknowledged is null)
        {
            step.Add(new AlertAcknowledged(state.Key, step.Next, now, by, note));
        }

        return new AlertStep(step.State, step.Events);
    }

    private static void Breach(Recorder step, AlertCondition condition, AlertPolicy policy, DateTimeOffset now)
    {
        var state = step.State;
        var snapshot = condition.ToSnapshot();
        switch (state.Phase)
        {
            case AlertPhase.Normal or AlertPhase.Resolved when policy.For == 0:
                step.Add(new AlertFired(state.Key, step.Next, now, snapshot));
                break;
            case AlertPhase.Normal or AlertPhase.Resolved:
                step.Add(new AlertPending(state.Key, step.Next, now, snapshot));
                break;
            case AlertPhase.Pending when state.Count + 1 > policy.For:
                step.Add(new AlertFired(state.Key, step.Next, now, snapshot));
                break;
            case AlertPhase.Pending:
                step.Add(new AlertPendingHeld(state.Key, step.Next, now, state.Count + 1));
                break;
            case AlertPhase.Firing:
                if (state.Count > 0)
                {
                    step.Add(new AlertClearReset(state.Key, step.Next, now));
                }

                if (state.Snapshot is { } known && known.Severity != condition.Severity)
                {
                    step.Add(new AlertSeverityChanged(state.Key, step.Next, now, condition.ToSnapshot()));
                }

                break;
        }
    }

    /// <summary>A stale alert counts a clean evaluation only when a figure newer than the one it fired on arrived.</summary>
    private static bool Counts(AlertState state, AlertCondition condition, AlertPolicy policy) =>
        !policy.ResolvesOnNewFigureOnly
        || condition.FigureAt is { } seen && (state.Snapshot?.FigureAt is not { } known || seen > known);

    private static void Notify(Recorder step, AlertCondition condition, AlertPolicy policy, AlertContext context)
    {
        var now = context.Now;
        foreach (var owed in step.State.OwedResolutions.ToList())
        {
            if (!context.Allows(owed.LastBreach.Severity))
            {
                break;
            }

            step.Add(new AlertNotified(step.State.Key, step.Next, now, NotificationKind.Resolved, owed.LastBreach, owed.FiredAt, owed.ResolvedAt));
        }

        var state = step.State;
        if (state.Phase != AlertPhase.Firing || state.Snapshot is not { } known || state.FiredAt is not { } firedAt)
        {
            return;
        }

        // Reminders report the figures of this evaluation; a clean or empty one reports the last breach.
        var current = condition.Status == ConditionStatus.Breaching ? condition.ToSnapshot() : known;
        if (context.Allows(current.Severity))
        {
            // Not yet told, or told of a lower severity (at risk, now missed): that is news, not a reminder.
            if (state.LastNotifiedAt is null || state.NotifiedSeverity < current.Severity)
            {
                step.Add(new AlertNotified(state.Key, step.Next, now, NotificationKind.Firing, current, firedAt, null));
            }
            else if (state.Acknowledged is null && policy.RepeatInterval is { } repeat && now - state.LastNotifiedAt.Value >= repeat)
            {
                step.Add(new AlertNotified(state.Key, step.Next, now, NotificationKind.Repeat, current, firedAt, null));
            }
        }

        state = step.State;
        if (state.CriticalSince is { } criticalSince && state.Acknowledged is null && !state.Escalated
            && policy.EscalateAfter is { } after && now - criticalSince >= after && context.Allows(AlertSeverity.Critical))
        {
            step.Add(new AlertNotified(state.Key, step.Next, now, NotificationKind.Escalation, current, firedAt, null));
        }
    }

    /// <summary>Applies each decided event at once, so later decisions of the same step see its effect.</summary>
    private sealed class Recorder(AlertState state)
    {
        public AlertState State { get; private set; } = state;

        public List<AlertEvent> Events { get; } = [];

        public long Next => State.Sequence + 1;

        public void Add(AlertEvent e)
        {
            State = State.Apply(e);
            Events.Add(e);
        }
    }
}
