using System.Globalization;
using KpiMonitor.Logging;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace KpiMonitor.Shared.Tests.Logging;

/// <summary>
/// Values from outside (a user name, a source's unit code) go through the apps' one Serilog set-up: in text and JSON
/// sinks alike they stay on one line, keep no bidi override, and a huge value is cut.
/// </summary>
public sealed class SafeLogValuesTests
{
    private static readonly string[] Names = ["a\nb"];
    private const string Forged = "kẻ-gian\n[10:00:00 INF] Đăng nhập thành công: quantri từ 10.0.0.5";

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void AValueWithALineBreak_WritesOneLine(string format)
    {
        string written = Write(format, log => log.Warning("Đăng nhập sai cho {User} từ {Address}", Forged, "10.0.0.9"));

        Assert.Single(written.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // JSON escapes a line break by itself; the value must carry the escape, so a reader decoding it sees one line.
        Assert.Contains(format == "json" ? @"kẻ-gian\\n[10" : @"kẻ-gian\n[10", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u001b[31m")]
    [InlineData("\u202e")]
    [InlineData("\u0000")]
    public void ControlCharacters_AreEncoded(string control)
    {
        string written = Write("text", log => log.Information("Đơn vị {Unit}", "H01" + control + "giả"));

        Assert.DoesNotContain(control[0], written.TrimEnd('\n'));
        Assert.Contains("H01\\", written, StringComparison.Ordinal);
    }

    [Fact]
    public void AMegabyteValue_IsCut()
    {
        string huge = new('a', 1_000_000);

        string written = Write("text", log => log.Warning("Đăng nhập sai cho {User}", huge));

        Assert.True(written.Length < 1_000, $"{written.Length} ký tự");
        Assert.Contains("…(999500 ký tự)", written, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesInsideListsAndObjects_AreMadeSafeToo()
    {
        string written = Write("json", log => log.Information("Đơn vị {@Units} {Names}", new { Code = "H01\nX" }, Names));

        Assert.Contains(@"H01\\nX", written, StringComparison.Ordinal);
        Assert.Contains(@"a\\nb", written, StringComparison.Ordinal);
    }

    [Fact]
    public void AnException_IsStillLoggedWhole()
    {
        var error = new InvalidOperationException("hỏng");

        string written = Write("text", log => log.Error(error, "Lỗi {Unit}", "H01"));

        Assert.Contains("System.InvalidOperationException: hỏng", written, StringComparison.Ordinal);
    }

    private static string Write(string format, Action<ILogger> log)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
        }).Build();
        ITextFormatter formatter = format == "json"
            ? new JsonFormatter(renderMessage: true)
            : new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var logger = new LoggerConfiguration().Configure(configuration).WriteTo.Sink(new TextSink(writer, formatter)).CreateLogger())
        {
            log(logger);
        }

        return writer.ToString();
    }

    private sealed class TextSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => formatter.Format(logEvent, writer);
    }
}
