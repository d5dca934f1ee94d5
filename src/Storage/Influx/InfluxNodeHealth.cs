namespace KpiMonitor.Storage.Influx;

/// <summary>
/// How one configured InfluxDB address answered <c>/ping</c>.
/// </summary>
/// <param name="Url">The address, without credentials.</param>
/// <param name="Answering">Whether it answered 200 or 204.</param>
/// <param name="Problem">What went wrong when it did not (status and server message, or the network error).</param>
/// <param name="StatusCode">The HTTP status of a refusal; null when it answered, or when nothing came back.</param>
public sealed record InfluxNodeHealth(Uri Url, bool Answering, string? Problem, int? StatusCode = null);
