using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.History;

/// <summary>
/// Turns an <see cref="AlertEvent"/> into a <see cref="StoredEvent"/> of the <see cref="Log"/> log and back. The stream is the
/// instance's <see cref="Lifecycle.AlertKey.Id"/>, the type its stable <c>type</c> name (the <see cref="JsonDerivedTypeAttribute"/>
/// of <see cref="AlertEvent"/>) and the payload the event's own JSON, which holds the exact time: stores keep
/// <see cref="StoredEvent.Time"/> to the millisecond only.
/// </summary>
public static class AlertEventCodec
{
    /// <summary>The log of the instances' lifecycle events, written by the alerting service alone.</summary>
    public const string Log = "alerts";

    private static readonly Dictionary<Type, string> TypeNames = typeof(AlertEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The stored form of <paramref name="e"/>.</summary>
    public static StoredEvent ToStored(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string type = TypeNames.TryGetValue(e.GetType(), out string? name)
            ? name
            : throw new ArgumentException($"Sự kiện {e.GetType().Name} chưa có tên loại ổn định ([JsonDerivedType] trên AlertEvent).", nameof(e));
        return new StoredEvent(Log, e.Key.Id, e.Sequence, e.At, type, JsonSerializer.Serialize(e));
    }

    /// <summary>
    /// The event a stored one holds. Throws <see cref="InvalidDataException"/> when it is not an alert event of its own
    /// stream, sequence and type: restoring from a record that contradicts itself would rebuild a wrong state.
    /// </summary>
    public static AlertEvent FromStored(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        string where = $"{stored.Log}/{stored.Stream}#{stored.Sequence}";
        AlertEvent? e;
        try
        {
            e = JsonSerializer.Deserialize<AlertEvent>(stored.Payload);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Sự kiện cảnh báo {where} không đọc được: {ex.Message}", ex);
        }

        if (e is null || e.Key.Id != stored.Stream || e.Sequence != stored.Sequence || TypeNames.GetValueOrDefault(e.GetType()) != stored.Type)
        {
            throw new InvalidDataException($"Sự kiện cảnh báo {where} ({stored.Type}) không khớp nội dung của nó.");
        }

        return e;
    }
}
