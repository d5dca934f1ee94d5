using KpiMonitor.Storage.Influx;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

public sealed class InfluxQlTests
{
    [Theory]
    [InlineData("P.H1.XA", "'P.H1.XA'")]
    [InlineData("x' OR 1=1 --", @"'x\' OR 1=1 --'")]
    [InlineData(@"a\' OR 'b", @"'a\\\' OR \'b'")]
    [InlineData("Xã \"Bản\" Giang", "'Xã \"Bản\" Giang'")]
    [InlineData("a\nb", @"'a\nb'")]
    public void Literal_EscapesBackslashQuoteAndNewline(string value, string expected) =>
        Assert.Equal(expected, InfluxQl.Literal(value));

    [Theory]
    [InlineData("observation", "\"observation\"")]
    [InlineData("a\" ; DROP DATABASE \"b", "\"a\\\" ; DROP DATABASE \\\"b\"")]
    [InlineData(@"x\", "\"x\\\\\"")]
    [InlineData("it's", "\"it's\"")]
    public void Identifier_EscapesBackslashAndDoubleQuote(string name, string expected) =>
        Assert.Equal(expected, InfluxQl.Identifier(name));

    [Fact]
    public void Time_IsEpochMilliseconds() =>
        Assert.Equal("1735664400000ms", InfluxQl.Time(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7))));
}
