namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>A person at the test provider, with the role values the provider puts in the <c>roles</c> claim.</summary>
public sealed record ProviderUser(string Username, string Name, string[] Roles);
