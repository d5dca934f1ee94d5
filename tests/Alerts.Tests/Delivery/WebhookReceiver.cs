using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>A real HTTP server on a loopback port that keeps every request and answers with the next status it was told.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private readonly Task _loop;

    public WebhookReceiver(int port, params HttpStatusCode[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = ServeAsync();
    }

    public ConcurrentQueue<(string Path, string? Authorization, JsonNode Body, HttpStatusCode Answer)> Requests { get; } = new();

    /// <summary>Requests answered with a 2xx.</summary>
    public int Accepted => Requests.Count(r => (int)r.Answer < 300);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            var answer = _answers.TryDequeue(out var a) ? a : HttpStatusCode.OK;
            Requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], JsonNode.Parse(body)!, answer));
            context.Response.StatusCode = (int)answer;
            context.Response.Close();
        }
    }
}
