namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>A non-2xx answer: its status and the kind of request (the message, used to group errors) and the path.</summary>
public sealed class RequestFailedException(string statusAndPart, string path) : Exception(statusAndPart)
{
    public string Path { get; } = path;
}
