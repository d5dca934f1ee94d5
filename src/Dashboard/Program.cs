using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Shared.Hosting;

if (args.FirstOrDefault() == PasswordHashCommand.Name)
{
    return PasswordHashCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

return await ConsoleStartup.RunAsync(async () =>
{
    // appsettings.json sits beside the program; config/ and data/ are found from the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddDashboard();
    var app = builder.Build();
    ConsoleStartup.ValidateSettings(app.Services);
    app.MapDashboard();
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    await app.RunAsync();
    return 0;
});
