using System.Text.Json;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>Turns an <see cref="AlertAction"/> into a <see cref="StoredEvent"/> of the <see cref="Log"/> log and back.</summary>
public static class AlertActionCodec
{
    /// <summary>The operators' actions, written by the dashboard and read by the alerting service.</summary>
    public const string Log = "alert-actions";

    /// <summary>The stored form: stream = the action's id, sequence 1 (each action is a stream of its own).</summary>
    public static StoredEvent ToStored(AlertAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        string type = action switch
        {
            AcknowledgeAction => "acknowledge",
            SilenceAction => "silence",
            _ => throw new ArgumentException($"Thao tác {action.GetType().Name} chưa có tên loại.", nameof(action)),
        };
        return new StoredEvent(Log, action.Id, 1, action.At, type, JsonSerializer.Serialize(action));
    }

    /// <summary>The action a stored event holds; <see cref="InvalidDataException"/> when it contradicts its own identity.</summary>
    public static AlertAction FromStored(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        AlertAction? action;
        try
        {
            action = JsonSerializer.Deserialize<AlertAction>(stored.Payload);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Thao tác cảnh báo {stored.Log}/{stored.Stream} không đọc được: {ex.Message}", ex);
        }

        return action is not null && action.Id == stored.Stream
            ? action
            : throw new InvalidDataException($"Thao tác cảnh báo {stored.Log}/{stored.Stream} ({stored.Type}) không khớp nội dung của nó.");
    }
}
