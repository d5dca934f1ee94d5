using System.Text.Json;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Periods;
using static KpiMonitor.Alerts.Tests.Lifecycle.InstanceDriver;

namespace KpiMonitor.Alerts.Tests.Lifecycle;

/// <summary>
/// A restart rebuilds each instance from its stored events. After a restart at any point of a scenario that
/// passes through every state, the rebuilt state equals the live one and the rest of the scenario produces the
/// same events (same sequences, so the same notification ids).
/// </summary>
public sealed class RestartTests
{
    private static readonly AlertPolicy Policy = new()
    {
        For = 1, KeepFiringFor = 1, RepeatInterval = TimeSpan.FromHours(2), EscalateAfter = TimeSpan.FromHours(3),
    };

    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(6, 30), VietnamTime.Zone);

    // 18:00 in Hà Nội.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    private sealed record Input(TimeSpan Wait, AlertCondition? Condition, bool Acknowledge = false, bool Silenced = false);

    private static readonly Input[] Scenario =
    [
        new(TimeSpan.Zero, Warning()),                     // 18:00 pending
        new(TimeSpan.FromMinutes(30), AlertCondition.Ok()),// pending cancelled → normal
        new(TimeSpan.FromMinutes(30), Warning()),          // pending
        new(TimeSpan.FromHours(1), Warning()),             // 20:00 fires, told
        new(TimeSpan.FromMinutes(30), Critical()),         // 20:30 severity rises: told again
        new(TimeSpan.FromMinutes(30), AlertCondition.Ok()),// clearing
        new(TimeSpan.FromHours(1), Warning()),             // 22:00 clear reset, severity falls, reminder held by quiet hours
        new(TimeSpan.FromHours(1), AlertCondition.Ok()),   // clearing
        new(TimeSpan.FromHours(1), AlertCondition.Ok()),   // 00:00 resolved, resolution owed until 06:30
        new(TimeSpan.FromHours(1), Warning()),             // pending, resolution still owed
        new(TimeSpan.FromHours(1), Critical()),            // 02:00 fires critical: told despite quiet hours
        new(TimeSpan.FromHours(3), Critical()),            // escalated
        new(TimeSpan.FromHours(2), Critical()),            // 07:00 owed resolution told, reminder
        new(TimeSpan.FromMinutes(10), null, Acknowledge: true),
        new(TimeSpan.FromHours(3), Critical()),            // acknowledged: no reminder
        new(TimeSpan.FromHours(1), AlertCondition.Ok()),
        new(TimeSpan.FromHours(1), AlertCondition.Ok()),   // resolved, told
        new(TimeSpan.FromHours(1), Critical(), Silenced: true),
        new(TimeSpan.FromHours(1), Critical(), Silenced: true), // fires silenced: not told
        new(TimeSpan.FromHours(4), Critical()),            // silence over: told and escalated
        new(TimeSpan.FromHours(1), AlertCondition.NoData),
    ];

    [Fact]
    public void RestartAfterAnyEvaluation_RebuildsTheSameState_AndContinuesIdentically()
    {
        var (liveStates, liveEvents) = Run(AlertState.Initial(Key), 0);
        AssertScenarioVisitsEveryState(liveStates);
        Assert.Equal(2, liveEvents.SelectMany(e => e).OfType<AlertSeverityChanged>().Count());

        for (int restartAt = 0; restartAt <= Scenario.Length; restartAt++)
        {
            var stored = RoundTrip(liveEvents.Take(restartAt).SelectMany(e => e));
            var rebuilt = AlertState.Restore(Key, stored);
            var expected = restartAt == 0 ? AlertState.Initial(Key) : liveStates[restartAt - 1];
            Assert.Equal(Json(expected), Json(rebuilt));

            var (_, afterRestart) = Run(rebuilt, restartAt);
            Assert.Equal(Json(liveEvents.Skip(restartAt).SelectMany(e => e)), Json(afterRestart.SelectMany(e => e)));
        }
    }

    [Fact]
    public void StoredEvent_CarriesAStableTypeName_AndReadsBackEqual()
    {
        AlertEvent fired = new AlertFired(Key, 3, Start, new AlertSnapshot(AlertSeverity.Critical, 30, 50, "Xã Bản Giang: không đạt mục tiêu", Start.AddDays(-2)));

        string json = JsonSerializer.Serialize(fired);

        Assert.StartsWith("{\"type\":\"fired\",", json, StringComparison.Ordinal);
        Assert.Equal(fired, JsonSerializer.Deserialize<AlertEvent>(json));
    }

    private static (List<AlertState> States, List<IReadOnlyList<AlertEvent>> Events) Run(AlertState state, int from)
    {
        var now = Start + Scenario.Take(from + 1).Aggregate(TimeSpan.Zero, (sum, input) => sum + input.Wait);
        var states = new List<AlertState>();
        var events = new List<IReadOnlyList<AlertEvent>>();
        for (int i = from; i < Scenario.Length; i++)
        {
            if (i > from)
            {
                now += Scenario[i].Wait;
            }

            var input = Scenario[i];
            var step = input.Acknowledge
                ? AlertStateMachine.Acknowledge(state, "operator", "Đã tiếp nhận", now)
                : AlertStateMachine.Evaluate(state, input.Condition!, Policy, new AlertContext(now, input.Silenced, Night));
            state = step.State;
            states.Add(state);
            events.Add(step.Events);
        }

        return (states, events);
    }

    /// <summary>Guards the scenario itself: if it stops reaching a state, restart in that state is no longer tested.</summary>
    private static void AssertScenarioVisitsEveryState(List<AlertState> states)
    {
        Assert.Contains(states, s => s.Phase == AlertPhase.Normal && s.Sequence > 0);
        Assert.Contains(states, s => s.Phase == AlertPhase.Pending);
        Assert.Contains(states, s => s.Phase == AlertPhase.Pending && s.OwedResolutions.Count > 0);
        Assert.Contains(states, s => s.Phase == AlertPhase.Firing && s.LastNotifiedAt is null);
        Assert.Contains(states, s => s.Phase == AlertPhase.Firing && s.LastNotifiedAt is not null && s.Count == 0);
        Assert.Contains(states, s => s.Phase == AlertPhase.Firing && s.Count > 0);
        Assert.Contains(states, s => s.Phase == AlertPhase.Firing && s.Escalated);
        Assert.Contains(states, s => s.Phase == AlertPhase.Firing && s.Acknowledged is not null);
        Assert.Contains(states, s => s.Phase == AlertPhase.Resolved && s.OwedResolutions.Count > 0);
        Assert.Contains(states, s => s.Phase == AlertPhase.Resolved && s.OwedResolutions.Count == 0);
    }

    private static List<AlertEvent> RoundTrip(IEnumerable<AlertEvent> events) =>
        JsonSerializer.Deserialize<List<AlertEvent>>(JsonSerializer.Serialize(events.ToList()))!;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
