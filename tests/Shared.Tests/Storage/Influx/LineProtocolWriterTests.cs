using System.Globalization;
using System.Text;
using KpiMonitor.Storage.Influx;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

public sealed class LineProtocolWriterTests
{
    [Fact]
    public void Measurement_EscapesCommasAndSpaces_NotEquals()
    {
        Assert.Equal("a\\,b\\ c=d v=1 5\n", Line(w =>
        {
            w.BeginLine("a,b c=d");
            w.Field("v", 1.0);
            w.EndLine(5);
        }));
    }

    [Fact]
    public void TagKeysValuesAndFieldKeys_EscapeCommaEqualsAndSpace()
    {
        Assert.Equal("m,k\\ 1\\=x=a\\,b\\=c\\ d f\\,1\\=\\ =2 7\n", Line(w =>
        {
            w.BeginLine("m");
            w.Tag("k 1=x", "a,b=c d");
            w.Field("f,1= ", 2.0);
            w.EndLine(7);
        }));
    }

    [Fact]
    public void StringField_EscapesQuotesAndBackslashes_KeepsOtherCharacters()
    {
        Assert.Equal("m s=\"say \\\"hi\\\", a\\\\b = 'ok'\" 1\n", Line(w =>
        {
            w.BeginLine("m");
            w.Field("s", "say \"hi\", a\\b = 'ok'");
            w.EndLine(1);
        }));
    }

    [Fact]
    public void VietnameseDiacritics_AreWrittenAsUtf8()
    {
        var (text, bytes) = LineAndBytes(w =>
        {
            w.BeginLine("quan_sát");
            w.Tag("đơn_vị", "Xã Bản Giang, Tam Đường");
            w.Field("nguồn", "Hệ thống một cửa điện tử");
            w.EndLine(1);
        });

        Assert.Equal("quan_sát,đơn_vị=Xã\\ Bản\\ Giang\\,\\ Tam\\ Đường nguồn=\"Hệ thống một cửa điện tử\" 1\n", text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), bytes);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    public void Newline_InAnyPart_IsRejected_AndTheUnfinishedLineDiscarded(string bad)
    {
        using var writer = new LineProtocolWriter();
        writer.BeginLine("m");
        writer.Field("v", 1.0);
        writer.EndLine(1);
        string good = Encoding.UTF8.GetString(writer.WrittenMemory.Span);

        Assert.Throws<ArgumentException>(() => writer.BeginLine(bad));
        Assert.Throws<ArgumentException>(() => Start(writer).Tag("k", bad));
        Assert.Throws<ArgumentException>(() => Start(writer).Tag(bad, "v"));
        Assert.Throws<ArgumentException>(() => Start(writer).Field(bad, 1.0));
        Assert.Throws<ArgumentException>(() => Start(writer).Field("s", bad));

        Assert.Equal(good, Encoding.UTF8.GetString(writer.WrittenMemory.Span));
        Assert.Equal(1, writer.LineCount);
    }

    [Fact]
    public void TagValue_EndingWithBackslash_IsRejected()
    {
        using var writer = new LineProtocolWriter();
        Assert.Throws<ArgumentException>(() => Start(writer).Tag("k", "a\\"));
        Assert.Equal(0, writer.Length);
    }

    [Fact]
    public void EmptyTagValue_IsOmitted()
    {
        Assert.Equal("m,b=2 v=1 3\n", Line(w =>
        {
            w.BeginLine("m");
            w.Tag("a", "");
            w.Tag("b", "2");
            w.Tag("c", null);
            w.Field("v", 1.0);
            w.EndLine(3);
        }));
    }

    [Fact]
    public void Integers_HaveTheISuffix_FloatsDoNot()
    {
        Assert.Equal("m i=-42i,l=1700000000000i,f=12 1700000000000\n", Line(w =>
        {
            w.BeginLine("m");
            w.Field("i", -42L);
            w.Field("l", 1_700_000_000_000L);
            w.Field("f", 12.0);
            w.EndLine(1_700_000_000_000);
        }));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.0)]
    [InlineData(123456789.123456789)]
    [InlineData(1e20)]
    [InlineData(1e-5)]
    [InlineData(5e-324)]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(1.0 / 3.0)]
    public void Floats_AreInvariantAndRoundTrip_EvenUnderAVietnameseCulture(double value)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
        try
        {
            string line = Line(w =>
            {
                w.BeginLine("m");
                w.Field("v", value);
                w.EndLine(1);
            });

            string written = line["m v=".Length..line.LastIndexOf(' ')];
            Assert.DoesNotContain(",", written, StringComparison.Ordinal);
            Assert.Equal(value, double.Parse(written, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaNAndInfinity_NeverReachTheOutput(double value)
    {
        using var writer = new LineProtocolWriter();
        Assert.Throws<ArgumentException>(() => Start(writer).Field("v", value));
        Assert.Equal(0, writer.Length);
    }

    [Fact]
    public void PointWithoutFields_IsRejected()
    {
        using var writer = new LineProtocolWriter();
        Assert.Throws<ArgumentException>(() => Start(writer).EndLine(1));
        Assert.Equal(0, writer.Length);
    }

    [Fact]
    public void ManyLines_GrowTheBuffer_AndClearKeepsItUsable()
    {
        using var writer = new LineProtocolWriter(256);
        for (int i = 0; i < 10_000; i++)
        {
            writer.BeginLine("observation");
            writer.Tag("unit", $"U{i:D5}");
            writer.Field("value", (double)i);
            writer.EndLine(i);
        }

        Assert.Equal(10_000, writer.LineCount);
        Assert.EndsWith("observation,unit=U09999 value=9999 9999\n", Encoding.UTF8.GetString(writer.WrittenMemory.Span), StringComparison.Ordinal);

        writer.Clear();
        Assert.Equal(0, writer.LineCount);
        Assert.True(writer.WrittenMemory.IsEmpty);
    }

    private static LineProtocolWriter Start(LineProtocolWriter writer)
    {
        writer.BeginLine("m");
        return writer;
    }

    [Fact]
    public void ARefusedCallWithNoLineOpen_KeepsTheLinesAlreadyWritten()
    {
        using var writer = new LineProtocolWriter();
        writer.BeginLine("m");
        writer.Field("v", 1.0);
        writer.EndLine(1);

        Assert.Throws<ArgumentException>(() => writer.EndLine(2));

        Assert.Equal("m v=1 1\n", Encoding.UTF8.GetString(writer.WrittenMemory.Span));
        Assert.Equal(1, writer.LineCount);
        writer.BeginLine("m");
        writer.Field("v", 2.0);
        writer.EndLine(2);
        Assert.Equal("m v=1 1\nm v=2 2\n", Encoding.UTF8.GetString(writer.WrittenMemory.Span));
    }

    private static string Line(Action<LineProtocolWriter> build) => LineAndBytes(build).Text;

    private static (string Text, int Bytes) LineAndBytes(Action<LineProtocolWriter> build)
    {
        using var writer = new LineProtocolWriter();
        build(writer);
        return (Encoding.UTF8.GetString(writer.WrittenMemory.Span), writer.Length);
    }
}
