namespace KpiMonitor.Shared.Storage;

/// <summary>
/// The store could not do what was asked. <see cref="IsTransient"/> tells a caller whether keeping the
/// data and trying later can help (server down, 5xx, 429) or not (400, 401, 404, 422).
/// </summary>
public sealed class TimeSeriesStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TimeSeriesStoreException(string message, bool isTransient, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
    }

    /// <summary>Whether retrying later may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status the server answered, if any.</summary>
    public int? StatusCode { get; }
}
