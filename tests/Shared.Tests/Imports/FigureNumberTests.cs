using KpiMonitor.Imports;

namespace KpiMonitor.Shared.Tests.Imports;

public sealed class FigureNumberTests
{
    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("12,5", 12.5)]
    [InlineData("1234", 1234)]
    [InlineData("-7", -7)]
    [InlineData("1.234.567", 1_234_567)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1.953.613,25", 1_953_613.25)]
    [InlineData("0.125", 0.125)]
    [InlineData("1234.567", 1234.567)]
    [InlineData("1.2345", 1.2345)]
    [InlineData("12.50", 12.5)]
    [InlineData("1,234", 1.234)]
    public void Text_InInvariantOrVietnameseForm_IsRead(string text, double expected)
    {
        Assert.Null(FigureNumber.TryParse(ImportCell.FromText(text), out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("12.500")]
    [InlineData("-5.000")]
    public void SingleDotWithThreeDigits_IsRefusedAsAmbiguous_SayingHowToWriteEachMeaning(string text)
    {
        string? problem = FigureNumber.TryParse(ImportCell.FromText(text), out _);

        Assert.NotNull(problem);
        Assert.Contains("không rõ nghĩa", problem);
        Assert.Contains(text.Replace(".", "", StringComparison.Ordinal), problem);
        Assert.Contains(text.Replace('.', ','), problem);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("1,234,567")]
    [InlineData("1,234.5")]
    [InlineData("1.23.4")]
    [InlineData("12,")]
    [InlineData(".5")]
    [InlineData("43,24 %")]
    [InlineData("1 234")]
    public void OtherText_IsNotANumber(string text)
    {
        Assert.Contains("không phải số", FigureNumber.TryParse(ImportCell.FromText(text), out _));
    }

    [Fact]
    public void NumberCells_AreTakenAsTheyAre_WithoutTheTextRules()
    {
        Assert.Null(FigureNumber.TryParse(ImportCell.FromNumber(1.234), out double value));
        Assert.Equal(1.234, value);
    }
}
