using System.Collections.Concurrent;
using System.Diagnostics;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// Closed-loop load: every client runs samples back to back until the time is up (a sample started before the
/// end is finished and counted). A sample is one or more requests made in sequence; it fails at its first
/// non-2xx answer or exception and is never retried. Latencies include failed samples, so errors cannot make
/// the percentiles look better.
/// </summary>
public sealed class LoadRun
{
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _parts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Kind, string Example)> _errors = new();
    private int _requests;

    /// <summary>One request of a sample, returning a text body; its time is also kept under <paramref name="part"/> (page, chart).</summary>
    public async Task<string> GetAsync(HttpClient client, string path, string part, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        _parts.GetOrAdd(part, _ => []).Add(clock.Elapsed.TotalMilliseconds);
        bool text = response.Content.Headers.ContentType?.MediaType?.StartsWith("text/", StringComparison.Ordinal) == true;
        return response.IsSuccessStatusCode
            ? text ? System.Text.Encoding.UTF8.GetString(body) : ""
            : throw new RequestFailedException($"{(int)response.StatusCode} {part}", $"{path}{(response.Headers.Location is { } to ? $" → {to}" : "")}");
    }

    public static async Task<LoadResult> RunAsync(IReadOnlyList<HttpClient> clients, TimeSpan duration,
        Func<LoadRun, HttpClient, CancellationToken, Task> sample, CancellationToken cancellationToken)
    {
        var run = new LoadRun();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async client =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    await sample(run, client, cancellationToken);
                }
                catch (RequestFailedException ex)
                {
                    run._errors.Enqueue((ex.Message, ex.Path));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidDataException)
                {
                    run._errors.Enqueue((ex.GetType().Name, ex.Message));
                }

                run._latencies.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        }));
        clock.Stop();
        return new LoadResult(
            [.. run._latencies.Order()],
            run._parts.ToDictionary(p => p.Key, p => (double[])[.. p.Value.Order()], StringComparer.Ordinal),
            run._requests,
            [.. run._errors],
            clock.Elapsed);
    }
}
