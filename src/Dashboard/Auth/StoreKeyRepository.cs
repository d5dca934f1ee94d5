using System.Xml.Linq;
using KpiMonitor.Shared.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// The key ring that signs sign-in cookies and form tokens, kept as events of the log <see cref="Log"/> in the shared
/// store (ADR 016): every dashboard replica reads the same keys, so a cookie made by one opens pages on another
/// without a shared folder. Each key is one event (stream = the key's name); with a certificate configured the
/// platform encrypts the key before it reaches this class (<see cref="KeyRingCertificateEncryptor"/>).
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous, so the store is waited for here. The platform calls it only when it
/// builds its key ring (at the first protection, about once a day, and when a cookie names a key it does not know), on a
/// thread with no synchronization context, so the wait cannot deadlock.
/// </remarks>
public sealed class StoreKeyRepository(IEventLog events, TimeProvider time) : IXmlRepository
{
    /// <summary>The event log holding the keys.</summary>
    public const string Log = "data-protection-keys";

    private const string EventType = "key";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        events.ReadAsync(Log, null, CancellationToken.None).GetAwaiter().GetResult()
            .Where(e => e.Type == EventType)
            .Select(e => XElement.Parse(e.Payload))
            .ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        string stream = string.IsNullOrWhiteSpace(friendlyName) ? "key-" + Guid.NewGuid().ToString("N") : friendlyName;
        var stored = new StoredEvent(Log, stream, 1, time.GetUtcNow(), EventType, element.ToString(SaveOptions.DisableFormatting));
        events.AppendAsync([stored], CancellationToken.None).GetAwaiter().GetResult();
    }
}
