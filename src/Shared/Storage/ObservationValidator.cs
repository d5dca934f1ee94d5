using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Shared.Storage;

/// <summary>
/// The rules every store applies before writing, so both stores refuse the same things with the same
/// words: unknown KPI or unit, NaN or infinite numbers, negative counts, a numerator above its denominator.
/// </summary>
public sealed class ObservationValidator(Catalog catalog)
{
    /// <summary>Longest code or source name accepted; longer ones are almost surely garbage from a payload.</summary>
    public const int MaxCodeLength = 128;

    /// <summary>Splits a batch into what may be written and what is refused (with reasons).</summary>
    public (List<Observation> Valid, List<RejectedObservation> Rejected) Split(IEnumerable<Observation> observations)
    {
        var valid = new List<Observation>();
        var rejected = new List<RejectedObservation>();
        foreach (var observation in observations)
        {
            if (Validate(observation) is { } reason)
            {
                rejected.Add(new RejectedObservation(observation, reason));
            }
            else
            {
                valid.Add(observation);
            }
        }

        return (valid, rejected);
    }

    /// <summary>Null when the observation may be written, otherwise why not.</summary>
    public string? Validate(Observation o)
    {
        if (BadCode(o.Source, "nguồn") is { } badSource)
        {
            return badSource;
        }

        if (BadCode(o.Unit, "đơn vị") is { } badUnit)
        {
            return badUnit;
        }

        if (BadCode(o.Kpi, "chỉ tiêu") is { } badKpi)
        {
            return badKpi;
        }

        var kpi = catalog.Kpis.Find(o.Kpi);
        if (kpi is null)
        {
            return $"chỉ tiêu '{o.Kpi}' không có trong danh mục";
        }

        if (!catalog.Units.Contains(o.Unit))
        {
            return $"đơn vị '{o.Unit}' không có trong danh mục đơn vị";
        }

        if (o.Time == default || o.Time.Year < 1970 || o.Time.Year > 2200)
        {
            return $"thời điểm {o.Time:O} nằm ngoài khoảng cho phép (1970–2200)";
        }

        return kpi.Kind == KpiKind.Ratio ? ValidateRatio(o) : ValidateScalar(kpi, o);
    }

    private static string? ValidateRatio(Observation o)
    {
        if (o.Numerator is not { } n || o.Denominator is not { } d)
        {
            return "chỉ tiêu dạng tỷ lệ cần cả tử số và mẫu số";
        }

        if (!double.IsFinite(n) || !double.IsFinite(d))
        {
            return $"tử số hoặc mẫu số không phải số hữu hạn (tử số {n}, mẫu số {d})";
        }

        if (n < 0 || d < 0)
        {
            return $"tử số và mẫu số không được âm (tử số {n}, mẫu số {d})";
        }

        if (n > d)
        {
            return $"tử số {n} lớn hơn mẫu số {d}";
        }

        return o.Value is { } v && !double.IsFinite(v) ? $"giá trị {v} không phải số hữu hạn" : null;
    }

    private static string? ValidateScalar(KpiDefinition kpi, Observation o)
    {
        if (o.Value is not { } v)
        {
            return $"chỉ tiêu dạng {kpi.Kind} cần giá trị (value)";
        }

        if (!double.IsFinite(v))
        {
            return $"giá trị {v} không phải số hữu hạn";
        }

        return kpi.Kind switch
        {
            KpiKind.Count when v < 0 => $"số đếm không được âm ({v})",
            KpiKind.Percent when v is < 0 or > 100 => $"tỷ lệ phần trăm phải trong khoảng 0–100 ({v})",
            KpiKind.Score when v < 0 => $"điểm không được âm ({v})",
            KpiKind.Rank when v < 1 => $"thứ hạng phải từ 1 trở lên ({v})",
            _ => null,
        };
    }

    private static string? BadCode(string? code, string what)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return $"thiếu mã {what}";
        }

        if (code.Length > MaxCodeLength)
        {
            return $"mã {what} dài quá {MaxCodeLength} ký tự";
        }

        return code.AsSpan().IndexOfAny('\n', '\r') >= 0 || code.EndsWith('\\')
            ? $"mã {what} '{code.ReplaceLineEndings(" ")}' chứa ký tự xuống dòng hoặc kết thúc bằng '\\'"
            : null;
    }
}
