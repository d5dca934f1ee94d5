using Microsoft.Net.Http.Headers;

namespace KpiMonitor.Dashboard.Charts;

/// <summary>An image as it is sent: its bytes, its media type, and an entity tag naming exactly what it shows.</summary>
public sealed record RenderedChart(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
