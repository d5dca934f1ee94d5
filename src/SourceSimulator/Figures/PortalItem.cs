namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>
/// One unit-month of the 766 index. Group maxima (decided here, the contract names no weights):
/// CKMB 18, TDGQ 20, TTTT 12, CLGQ 10, MDHL 18, MDSH 22, so <see cref="TongScore"/> (JSON <c>TONG_SCORE</c>) is their sum, 0–100.
/// </summary>
public sealed record PortalItem(
    string MaDonVi,
    string TenDonVi,
    decimal Ckmb,
    decimal Tdgq,
    decimal Tttt,
    decimal Clgq,
    decimal Mdhl,
    decimal Mdsh,
    decimal TongScore);
