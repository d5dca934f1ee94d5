using KpiMonitor.SourceSimulator;

// Standalone: dotnet run --project src/SourceSimulator -- --urls http://127.0.0.1:5090
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    // The control API has no authentication: stay on loopback unless told otherwise.
    builder.WebHost.UseUrls("http://127.0.0.1:5090");
}

builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSourceSimulator(builder.Configuration);
var app = builder.Build();
app.MapSourceSimulator();
await app.RunAsync();
