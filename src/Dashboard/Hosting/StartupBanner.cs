using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>Tells the person who started the dashboard where it is and how to log in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine($"KpiMonitor đang chạy tại / is running at: {string.Join(", ", addresses)}");
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            Console.WriteLine("Chế độ trình diễn / demo mode — tài khoản / accounts:");
            foreach (var (user, password, name, role) in DemoAccounts.All)
            {
                Console.WriteLine($"  {user} / {password}  ({role}: {name})");
            }
        }

        Console.WriteLine();
    }
}
