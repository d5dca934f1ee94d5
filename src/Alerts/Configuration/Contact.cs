namespace KpiMonitor.Alerts.Configuration;

/// <summary>A person or group that receives notifications on one channel at one address (mail address, chat id, inbox name).</summary>
public sealed record Contact(string Name, string Channel, string Address)
{
    /// <summary>Stable identifier, part of every notification id for this recipient.</summary>
    public string Id => $"{Channel}:{Address}";
}
