namespace KpiMonitor.SourceSimulator.Faults;

/// <summary>The faults that change an answer's body, taken together for one answer.</summary>
public readonly record struct BodyFaults(
    bool Malformed,
    bool NumbersAsStrings,
    bool MissingFields,
    bool WrongTypes,
    bool Oversized,
    bool EmptyPage,
    bool NumerAboveDenominator)
{
    /// <summary>Takes (and counts down) every body fault active on the endpoint.</summary>
    public static BodyFaults Take(FaultBook book, string endpoint) => new(
        book.TryTake(endpoint, FaultMode.MalformedJson) is not null,
        book.TryTake(endpoint, FaultMode.NumbersAsStrings) is not null,
        book.TryTake(endpoint, FaultMode.MissingFields) is not null,
        book.TryTake(endpoint, FaultMode.WrongTypes) is not null,
        book.TryTake(endpoint, FaultMode.Oversized) is not null,
        book.TryTake(endpoint, FaultMode.EmptyPage) is not null,
        book.TryTake(endpoint, FaultMode.NumerAboveDenominator) is not null);

    /// <summary>
    /// How the item at <paramref name="index"/> of the answer is disturbed: missing fields hit the first
    /// item and every seventh, wrong types every seventh from the fourth (or from the first when alone),
    /// cycling object, array, boolean.
    /// </summary>
    public ItemDisturbance For(int index)
    {
        if (MissingFields && index % 7 == 0)
        {
            return ItemDisturbance.Missing;
        }

        int start = MissingFields ? 3 : 0;
        if (WrongTypes && index % 7 == start)
        {
            return (index / 7 % 3) switch
            {
                0 => ItemDisturbance.WrappedInObject,
                1 => ItemDisturbance.WrappedInArray,
                _ => ItemDisturbance.Flag,
            };
        }

        return ItemDisturbance.None;
    }
}
