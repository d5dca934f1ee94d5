using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>The <c>page</c> (1-based) and <c>pageSize</c> of a paged request; 100 items a page unless asked otherwise.</summary>
internal readonly record struct PageQuery(int Page, int PageSize)
{
    public const int DefaultPageSize = 100;

    public int Offset => (int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize);

    public static bool TryParse(IQueryCollection query, int maxPageSize, out PageQuery result, out string error)
    {
        result = default;
        if (!TryInt(query["page"], 1, out int page) || page < 1)
        {
            error = "page must be a whole number from 1.";
            return false;
        }

        if (!TryInt(query["pageSize"], DefaultPageSize, out int size) || size < 1 || size > maxPageSize)
        {
            error = $"pageSize must be a whole number from 1 to {maxPageSize}.";
            return false;
        }

        error = "";
        result = new PageQuery(page, size);
        return true;
    }

    /// <summary>Indexes of the items on this page among <paramref name="total"/> (empty beyond the last page).</summary>
    public (int From, int To) Slice(int total) => (Math.Min(Offset, total), (int)Math.Min(total, (long)Offset + PageSize));

    private static bool TryInt(StringValues values, int fallback, out int value)
    {
        value = fallback;
        return StringValues.IsNullOrEmpty(values)
            || int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
