using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Shared.Hosting;
using KpiMonitor.Logging;
using Serilog;

return await ConsoleStartup.RunAsync(async () =>
{
    bool once = args.Contains("--once");
    // appsettings.json sits beside the program; config/ and data/ are found from the working directory.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = args.Where(a => a != "--once").ToArray(),
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.Services.AddSerilog((_, log) => log.Configure(builder.Configuration));
    builder.Services.AddCollector(builder.Configuration, scheduled: !once);
    using var host = builder.Build();
    ConsoleStartup.ValidateSettings(host.Services);
    if (!once)
    {
        await host.RunAsync();
        return 0;
    }

    await host.StartAsync();
    int exitCode = await host.Services.GetRequiredService<RunOnceCommand>().RunAsync(Console.Out, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
    await host.StopAsync();
    return exitCode;
});
