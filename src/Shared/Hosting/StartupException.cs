namespace KpiMonitor.Shared.Hosting;

/// <summary>The program cannot start for a reason a person can fix; <see cref="ConsoleStartup"/> prints the message without a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
