using System.Globalization;
using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>
/// The dossiers one unit received in one month, seen at <see cref="MonthView.AsOf"/>. Record i lives in
/// the i-th slice of the month and draws from its own dice, so any record can be produced alone and
/// arrival times rise with i (the current month is a prefix). Statistics are counted from these same
/// records, so the statistics and dossier endpoints always agree.
/// Scale: Lai Châu received 37,588 dossiers in H1 2020 (about 6,000 a month; 1,787 pending), and 2022's
/// seed of 5,190 on time (5,126 early) and 64 late of 5,369.
/// </summary>
internal sealed class DossierMonth
{
    private const ulong TraitSalt = 0xD055, MonthSalt = 0xD0552, RecordSalt = 0xD0553;
    private readonly SimUnit _unit;
    private readonly MonthView _view;
    private readonly double _online, _fullOnline, _fee, _payOnline, _digitised, _onTime;

    public DossierMonth(SimUnit unit, MonthView view)
    {
        _unit = unit;
        _view = view;
        var traits = new Dice(Dice.Combine(unit.Hash, TraitSalt));

        // A high power of the draw keeps most units near the floor (100 a month for a department, 10 for a
        // commune) and makes a few large (land, business registration): 22 departments, 8 districts and
        // 106 communes then receive 6–8,000 dossiers a month, near the seed's 6,000.
        double volume = unit.Kind switch
        {
            UnitKind.Department => 100 * Math.Pow(20, Math.Pow(traits.Next(), 12)),
            UnitKind.District => traits.Between(120, 280),
            _ => 10 * Math.Pow(30, Math.Pow(traits.Next(), 12)),
        };
        var online = Curve.Draw(ref traits, 0.45, 0.60, 0.80, 0.90);
        var fullOnline = Curve.Draw(ref traits, 0.15, 0.25, 0.50, 0.65);
        double fee = traits.Between(0.3, 0.6);
        var pay = Curve.Draw(ref traits, 0.15, 0.30, 0.70, 0.85);
        var digitised = Curve.Draw(ref traits, 0.25, 0.40, 0.80, 0.95);
        var onTime = Curve.Draw(ref traits, 0.93, 0.975, 0.975, 0.997);

        var period = view.Period;
        var month = new Dice(Dice.Combine(unit.Hash, MonthSalt, (ulong)period.Index));
        double reform = unit.Kind == UnitKind.Commune && Trend.AfterReform(period) ? 1.6 : 1.0;
        Planned = (int)Math.Round(volume * reform * Trend.Season(period.Month) * Trend.Growth(period) * month.Between(0.88, 1.12));
        _online = Trend.Rate(period, online, month.Noise(0.02));
        _fullOnline = Math.Min(Trend.Rate(period, fullOnline, month.Noise(0.02)), _online * 0.95);
        _fee = fee;
        _payOnline = Trend.Rate(period, pay, month.Noise(0.02));
        _digitised = Trend.Rate(period, digitised, month.Noise(0.02));
        _onTime = Trend.Rate(period, onTime, month.Noise(0.005));
        Count = CountReceived();
    }

    /// <summary>Dossiers the whole month brings.</summary>
    public int Planned { get; }

    /// <summary>Dossiers received by <see cref="MonthView.AsOf"/> (all of them for a past month).</summary>
    public int Count { get; }

    public DossierFacts Facts(int i)
    {
        var dice = new Dice(Dice.Combine(_unit.Hash, RecordSalt, (ulong)_view.Period.Index, (ulong)i));
        var received = ReceivedAt(i, ref dice);
        var procedure = Procedure.Pick(_unit.Kind, dice.Next());
        double channelDraw = dice.Next();
        int channel = channelDraw < _online ? 2 : channelDraw < _online + ((1 - _online) * 0.03) ? 3 : 1;
        bool fullOnline = dice.Next() < _fullOnline / Math.Max(_online, 0.01) && channel == 2;
        bool feeBearing = dice.Chance(_fee);
        bool paidOnline = dice.Chance(_payOnline) && feeBearing;
        bool digitised = dice.Chance(_digitised);
        double outcome = dice.Next();
        bool late = dice.Next() > _onTime;
        double pace = dice.Next();
        double pendingDraw = dice.Next();
        double returnedDraw = dice.Next();

        var due = received.Date.AddDays(procedure.AllowedDays).AddHours(17);
        var window = due - received;
        int status = outcome switch
        {
            < 0.015 => 3,
            < 0.025 => 7,
            < 0.03 => 8,
            _ => 9,
        };
        var ended = status != 9 ? received + (window * (0.05 + (0.5 * pace)))
            : late ? due + TimeSpan.FromDays(0.2 + (7 * pace))
            : received + (window * (0.08 + (0.9 * pace)));
        ended = Whole(ended);
        if (ended >= _view.AsOf)
        {
            status = pendingDraw switch
            {
                < 0.12 => 2,
                < 0.82 => 4,
                < 0.94 => 5,
                _ => 6,
            };
            return new DossierFacts(procedure, received, due, null, channel, status, fullOnline, feeBearing, paidOnline, digitised);
        }

        if (status == 9 && _view.AsOf - ended > TimeSpan.FromDays(1) && returnedDraw < 0.85)
        {
            status = 10;
        }

        return new DossierFacts(procedure, received, due, ended, channel, status, fullOnline, feeBearing, paidOnline, digitised);
    }

    /// <summary>Record i in the national sync shape.</summary>
    public DossierRecord Record(int i)
    {
        var d = Facts(i);
        return new DossierRecord(
            string.Create(CultureInfo.InvariantCulture, $"{_unit.Code}-{d.ReceivedAt:yyMMdd}-{i + 1:D4}"),
            d.Procedure.Code,
            _unit.Code,
            d.Channel,
            d.FullOnline,
            Stamp(d.ReceivedAt),
            Stamp(d.DueAt),
            d.EndedAt is { } ended ? Stamp(ended) : "",
            d.Status,
            d.FeeBearing,
            d.PaidOnline,
            d.Digitised);
    }

    /// <summary>Counts the records the way docs/source-apis.md tells the collector to.</summary>
    public OneStopStatsItem Statistics()
    {
        int online = 0, full = 0, finished = 0, onTime = 0, late = 0, pending = 0, digitised = 0, fee = 0, paid = 0;
        for (int i = 0; i < Count; i++)
        {
            var d = Facts(i);
            online += d.Channel == 2 ? 1 : 0;
            full += d.FullOnline ? 1 : 0;
            fee += d.FeeBearing ? 1 : 0;
            paid += d.FeeBearing && d.PaidOnline ? 1 : 0;
            if (d.Finished)
            {
                finished++;
                onTime += d.OnTime ? 1 : 0;
                late += d.OnTime ? 0 : 1;
                digitised += d.Digitised ? 1 : 0;
            }
            else if (d.Pending)
            {
                pending++;
                late += d.DueAt < _view.AsOf ? 1 : 0;
            }
        }

        return new OneStopStatsItem(_unit.Code, _unit.Name, Count, online, full, finished, onTime, late, pending, digitised, fee, paid);
    }

    /// <summary>Record i arrives in the i-th slice of the month, during office hours (07:30–17:00).</summary>
    private DateTime ReceivedAt(int i, ref Dice dice)
    {
        double days = (i + dice.Next()) / Planned * _view.Period.Days;
        int day = Math.Min((int)days, _view.Period.Days - 1);
        double withinDay = Math.Clamp(days - day, 0, 1);
        return Whole(_view.Period.LocalStart.AddDays(day).AddMinutes(450 + (withinDay * 570)));
    }

    /// <summary>How many records arrived before AsOf: arrival rises with i, so a binary search finds the cut.</summary>
    private int CountReceived()
    {
        if (_view.IsComplete)
        {
            return Planned;
        }

        int low = 0, high = Planned;
        while (low < high)
        {
            int mid = (low + high) / 2;
            var dice = new Dice(Dice.Combine(_unit.Hash, RecordSalt, (ulong)_view.Period.Index, (ulong)mid));
            if (ReceivedAt(mid, ref dice) < _view.AsOf)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static string Stamp(DateTime time) => time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static DateTime Whole(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
}
