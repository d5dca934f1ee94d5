using System.Globalization;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Sessions ended by signing out, shared by every dashboard replica through the event log <see cref="Log"/> of the
/// store (ADR 016): a sign-out on one replica is recorded there and known on this one at once; the others learn of it
/// at their next read, at most <see cref="AuthOptions.SessionCheckInterval"/> later. Between reads the answer comes
/// from memory (<see cref="MemorySessionRevocations"/>, with its cap), so a request costs no store query.
/// </summary>
/// <remarks>
/// While the store does not answer, the sessions read before are still refused and the failure is logged once; pages
/// keep working, as they do with the figures held in memory. A sign-out fails with the store's error.
/// </remarks>
public sealed partial class StoreSessionRevocations(IEventLog events, IOptions<AuthOptions> options, TimeProvider time,
    ILogger<StoreSessionRevocations> logger) : ISessionRevocations, IDisposable
{
    /// <summary>The event log of ended sessions.</summary>
    public const string Log = "sessions-ended";

    private const string EventType = "ended";

    /// <summary>Replicas' clocks differ a little: an incremental read starts this long before the newest sign-out seen.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    private readonly MemorySessionRevocations _memory = new(time);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _newest;
    private const long NeverRead = long.MinValue / 2; // far in the past
    private long _lastReadTicks = NeverRead;
    private bool _failing;

    public async ValueTask RevokeAsync(string sessionId, DateTimeOffset started, DateTimeOffset until, CancellationToken cancellationToken)
    {
        string payload = string.Create(CultureInfo.InvariantCulture, $"{started.ToUnixTimeMilliseconds()} {until.ToUnixTimeMilliseconds()}");
        await events.AppendAsync([new StoredEvent(Log, sessionId, 1, time.GetUtcNow(), EventType, payload)], cancellationToken);
        await _memory.RevokeAsync(sessionId, started, until, cancellationToken);
    }

    public async ValueTask<bool> IsRevokedAsync(string sessionId, DateTimeOffset started, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcTicks - Volatile.Read(ref _lastReadTicks) >= options.Value.SessionCheckInterval.Ticks)
        {
            await ReadAsync(cancellationToken);
        }

        return await _memory.IsRevokedAsync(sessionId, started, cancellationToken);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        // Once the sign-outs have been read, a request does not queue behind a read under way (a slow store would hold every
        // page for its timeout): it goes on with what was read. Only the first read is waited for.
        if (Volatile.Read(ref _lastReadTicks) != NeverRead)
        {
            if (!await _gate.WaitAsync(0, cancellationToken))
            {
                return;
            }
        }
        else
        {
            await _gate.WaitAsync(cancellationToken);
        }

        try
        {
            var now = time.GetUtcNow();
            if (now.UtcTicks - _lastReadTicks < options.Value.SessionCheckInterval.Ticks)
            {
                return;
            }

            // Sign-outs older than a cookie's lifetime concern no cookie still alive.
            var since = _newest is { } newest ? newest - Overlap : now - SessionCookieEvents.Lifetime - Overlap;
            IReadOnlyList<StoredEvent> read;
            try
            {
                read = await events.ReadAsync(Log, since, cancellationToken);
            }
            catch (TimeSeriesStoreException e)
            {
                if (!_failing)
                {
                    LogStoreDown(e.Message);
                    _failing = true;
                }

                Volatile.Write(ref _lastReadTicks, now.UtcTicks);
                return;
            }

            _failing = false;
            foreach (var e in read)
            {
                string[] parts = e.Payload.Split(' ');
                if (e.Type == EventType && parts.Length == 2
                    && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long started)
                    && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long until))
                {
                    await _memory.RevokeAsync(e.Stream, DateTimeOffset.FromUnixTimeMilliseconds(started), DateTimeOffset.FromUnixTimeMilliseconds(until), cancellationToken);
                }

                _newest = _newest is { } n && n >= e.Time ? n : e.Time;
            }

            Volatile.Write(ref _lastReadTicks, now.UtcTicks);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không đọc được danh sách phiên đã đăng xuất trong kho dữ liệu ({Reason}); dùng danh sách đã đọc trước đó")]
    private partial void LogStoreDown(string reason);

    public void Dispose() => _gate.Dispose();
}
