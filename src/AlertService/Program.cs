using KpiMonitor.AlertService.Hosting;
using KpiMonitor.Logging;
using KpiMonitor.Shared.Hosting;
using Serilog;

return await ConsoleStartup.RunAsync(async () =>
{
    // appsettings.json sits beside the program; config/ and data/ are found from the working directory.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.Services.AddSerilog((_, log) => log.Configure(builder.Configuration));
    builder.Services.AddAlertService(builder.Configuration);
    using var host = builder.Build();
    ConsoleStartup.ValidateSettings(host.Services);
    await host.RunAsync();
    return 0;
});
