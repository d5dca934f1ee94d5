namespace KpiMonitor.Dashboard.Exports;

/// <summary>One cell of an exported table: text, a number, a moment (shown in Vietnamese time) or nothing.</summary>
public readonly record struct ExportCell(string? Text, double? Number, DateTimeOffset? Time)
{
    public static readonly ExportCell Empty;

    public static ExportCell Of(string? text) => new(text, null, null);

    public static ExportCell Of(double? number) => new(null, number, null);

    public static ExportCell Of(DateTimeOffset? time) => new(null, null, time);
}
