namespace KpiMonitor.Shared.Sources;

/// <summary>
/// Where each fact of a dossier is in one item of an <c>onestop-dossiers</c> source: dot-separated property paths,
/// the national sync names by default. The optional facts may be null when a system does not have them; the KPIs
/// that need them are then not produced.
/// </summary>
public sealed record DossierFields
{
    /// <summary>The dossier's own code (<c>MaHoSo</c>); a code seen twice is counted once.</summary>
    public string Id { get; init; } = "MaHoSo";

    /// <summary>The unit handling the dossier (<c>MaDonVi</c>), mapped through the source's unit map.</summary>
    public string Unit { get; init; } = "MaDonVi";

    /// <summary>Date received (<c>NgayTiepNhan</c>): places the dossier in the month it counts as received.</summary>
    public string Received { get; init; } = "NgayTiepNhan";

    /// <summary>Due date (<c>NgayHenTra</c>).</summary>
    public string Due { get; init; } = "NgayHenTra";

    /// <summary>Date processing ended (<c>NgayKetThucXuLy</c>): places a finished dossier in the month it counts as finished.</summary>
    public string Finished { get; init; } = "NgayKetThucXuLy";

    /// <summary>Status code (<c>TrangThaiHoSo</c>), read through <see cref="DossierCodes"/>.</summary>
    public string Status { get; init; } = "TrangThaiHoSo";

    /// <summary>Channel code (<c>KenhThucHien</c>); null: no online_dossier_rate.</summary>
    public string? Channel { get; init; } = "KenhThucHien";

    /// <summary>Handled fully online (<c>ToanTrinh</c>); null: no full_online_dossier_rate.</summary>
    public string? FullOnline { get; init; } = "ToanTrinh";

    /// <summary>Carries a fee or other financial obligation (<c>CoPhi</c>); null: no online_payment_rate.</summary>
    public string? FeeBearing { get; init; } = "CoPhi";

    /// <summary>Paid online (<c>DuocThanhToanTrucTuyen</c>); null: no online_payment_rate.</summary>
    public string? PaidOnline { get; init; } = "DuocThanhToanTrucTuyen";

    /// <summary>Inputs and result digitised (<c>HoSoCoThanhPhanSoHoa</c>); null: no digitization_rate.</summary>
    public string? Digitised { get; init; } = "HoSoCoThanhPhanSoHoa";
}
