using System.Globalization;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>An administrative procedure (TTHC) with its national code and the days the law allows.</summary>
internal sealed record Procedure(string Code, int AllowedDays)
{
    private static readonly int[] DayChoices = [1, 2, 3, 3, 5, 5, 7, 10, 10, 15, 20, 30];
    private static readonly Procedure[] Department = Pool(60, '1');
    private static readonly Procedure[] District = Pool(40, '2');
    private static readonly Procedure[] Commune = Pool(30, '3');

    /// <summary>
    /// Picks a procedure for a dossier. Squaring the draw makes a few procedures common and most rare,
    /// as in real caseloads (civil status and land dominate communes).
    /// </summary>
    public static Procedure Pick(UnitKind kind, double draw)
    {
        var pool = kind switch
        {
            UnitKind.Department => Department,
            UnitKind.District => District,
            _ => Commune,
        };
        return pool[Math.Min(pool.Length - 1, (int)(draw * draw * pool.Length))];
    }

    private static Procedure[] Pool(int size, char level)
    {
        var pool = new Procedure[size];
        for (int i = 0; i < size; i++)
        {
            ulong h = Dice.Combine(level, (ulong)i);
            string code = string.Create(CultureInfo.InvariantCulture, $"{level}.{1000 + ((i * 137) + (int)(h % 97)) % 9000:D6}");
            pool[i] = new Procedure(code, DayChoices[(int)(h % (ulong)DayChoices.Length)]);
        }

        return pool;
    }
}
