using System.Globalization;
using System.Text.Json;

namespace KpiMonitor.Collector.Tests.Sources.OneStop;

/// <summary>
/// A fixed set of dossiers spread over September–November 2026 (Vietnamese time) for three units, served in the
/// national sync shape or in another vendor's shape, and the figures an independent count gives for any month:
/// received-side counts by the received date, finished-side counts by the finished date.
/// </summary>
internal sealed class DossierBook
{
    /// <summary>The source's unit codes and the catalogue units they map to.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnitMap = new Dictionary<string, string>
    {
        ["000.00.12.H36"] = "LCU.S.STP",
        ["000.00.13.H36"] = "LCU.S.STC",
        ["000.00.14.H36"] = "LCU.S.SNV",
    };

    /// <summary>The collector's clock: 20 November 2026, 10:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private static readonly DateTime NowLocal = Now.ToOffset(TimeSpan.FromHours(7)).DateTime;

    /// <summary>The vendor of the tester's report: OAuth2 tokens of 20 s, trang/soBanGhi, ketQua.danhSach/tongSo, yyyyMMddHHmmss, no month filter.</summary>
    public const string VendorMapping = """
        "mapping": {
          "path": "api/v2/hoso?trangThai=tatCa",
          "paging": { "mode": "page", "pageParameter": "trang", "sizeParameter": "soBanGhi" },
          "itemsPath": "ketQua.danhSach", "totalPath": "ketQua.tongSo",
          "fields": { "id": "SoHoSo", "unit": "DonViXuLy", "received": "NgayNhan", "due": "HanXuLy", "finished": "NgayHoanThanh",
                      "status": "TrangThai", "channel": "HinhThuc", "fullOnline": null, "feeBearing": "CoNghiaVuTaiChinh",
                      "paidOnline": "DaThanhToanTrucTuyen", "digitised": null },
          "dateFormats": [ "yyyyMMddHHmmss" ],
          "codes": { "channels": [ "TRUC_TIEP", "TRUC_TUYEN", "BUU_CHINH" ], "onlineChannels": [ "TRUC_TUYEN" ],
                     "finishedStatuses": [ "DA_TRA_KET_QUA" ], "pendingStatuses": [ "DANG_XU_LY" ], "otherStatuses": [ "TU_CHOI" ] }
        }
        """;

    /// <summary>sources.json with one onestop-dossiers source on <paramref name="server"/>: months October and November, pages of 25.</summary>
    public static string Sources(JsonSourceServer server, string? mapping)
    {
        string unitMap = string.Join(", ", DossierBook.UnitMap.Select(p => $"\"{p.Key}\": \"{p.Value}\""));
        return $$"""
            { "sources": [ { "code": "motcua", "nameVi": "Một cửa hãng khác", "kind": "onestop-dossiers", "schedule": "0 0 * * * ?", "baseUrl": "{{server.BaseUrl}}",
              "auth": { "type": "oauth2", "tokenUrl": "{{JsonSourceServer.TokenPath.TrimStart('/')}}", "clientId": "kpimonitor", "secret": "KPIMONITOR_ONESTOP_SECRET" },
              "timeoutSeconds": 5, "pageSize": 25, "months": 2, "unitMap": { {{unitMap}} } {{(mapping is null ? "" : ", " + mapping)}} } ] }
            """;
    }

    public DossierBook()
    {
        var start = new DateTime(2026, 9, 1, 8, 0, 0);
        for (int i = 0; i < 200; i++)
        {
            // Two busy units, one dossier every 9.5 hours from 1 September until 19 November.
            Add($"STP-{i:D4}", "000.00.12.H36", start.AddHours(i * 9.5), i);
            Add($"STC-{i:D4}", "000.00.13.H36", start.AddHours(3 + (i * 9.5)), i + 1);
        }

        // A quiet unit: three dossiers received in October, none received or finished in November.
        for (int i = 0; i < 3; i++)
        {
            Dossiers.Add(new Dossier($"SNV-{i}", "000.00.14.H36", new DateTime(2026, 10, 5 + i, 9, 0, 0), new DateTime(2026, 10, 20, 17, 0, 0),
                new DateTime(2026, 10, 8 + i, 15, 0, 0), "done", i == 0, false, false, false, false));
        }
    }

    public List<Dossier> Dossiers { get; } = [];

    public int Count => Dossiers.Count;

    /// <summary>What an independent count stores for <paramref name="month"/> (first day): per unit, KPI → (numerator, denominator, value).</summary>
    public Dictionary<(string Unit, string Kpi), (double? Num, double? Den, double? Value)> Expected(DateTime month, bool optionalFacts)
    {
        var end = month.AddMonths(1);
        var cutoff = end < NowLocal ? end : NowLocal;
        bool In(DateTime? t) => t >= month && t < end;
        var result = new Dictionary<(string, string), (double?, double?, double?)>();
        foreach (string unit in UnitMap.Values)
        {
            var received = Dossiers.Where(d => UnitMap[d.SourceUnit] == unit && In(d.Received)).ToList();
            var finished = Dossiers.Where(d => UnitMap[d.SourceUnit] == unit && d.State == "done" && In(d.Finished)).ToList();
            var pending = received.Where(d => d.State == "pending").ToList();
            int late = finished.Count(d => d.Finished > d.Due) + pending.Count(d => d.Due < cutoff);
            result[(unit, "dossiers_received")] = (null, null, received.Count);
            result[(unit, "late_dossiers")] = (null, null, late);
            result[(unit, "dossiers_pending")] = (null, null, pending.Count);
            if (received.Count + finished.Count == 0)
            {
                // A unit the source knows with nothing in the month: zero counts, no rates.
                continue;
            }

            result[(unit, "online_dossier_rate")] = (received.Count(d => d.Online), received.Count, null);
            result[(unit, "on_time_rate")] = (finished.Count(d => d.Finished <= d.Due), finished.Count, null);
            result[(unit, "online_payment_rate")] = (received.Count(d => d.Fee && d.Paid), received.Count(d => d.Fee), null);
            if (optionalFacts)
            {
                result[(unit, "full_online_dossier_rate")] = (received.Count(d => d.FullOnline), received.Count, null);
                result[(unit, "digitization_rate")] = (finished.Count(d => d.Digitised), finished.Count, null);
            }
        }

        return result;
    }

    /// <summary>Another vendor's shape: <c>{ "ketQua": { "danhSach": [...], "tongSo": n } }</c>, pages <c>trang</c> (from 1) of <c>soBanGhi</c>.</summary>
    public string VendorPage(int page, int size) => VendorSlice((page - 1) * size, size, withCursor: false);

    /// <summary>The vendor's shape from item <paramref name="offset"/>; with a cursor, <c>ketQua.tiep</c> names the next slice (absent at the end).</summary>
    public string VendorSlice(int offset, int size, bool withCursor)
    {
        var items = Dossiers.Skip(offset).Take(size).Select(d => new Dictionary<string, object?>
        {
            ["SoHoSo"] = d.Id,
            ["DonViXuLy"] = d.SourceUnit,
            ["NgayNhan"] = Stamp(d.Received),
            ["HanXuLy"] = Stamp(d.Due),
            ["NgayHoanThanh"] = d.Finished is { } f ? Stamp(f) : null,
            ["TrangThai"] = d.State switch { "done" => "DA_TRA_KET_QUA", "pending" => "DANG_XU_LY", _ => "TU_CHOI" },
            ["HinhThuc"] = d.Online ? "TRUC_TUYEN" : "TRUC_TIEP",
            ["CoNghiaVuTaiChinh"] = d.Fee,
            ["DaThanhToanTrucTuyen"] = d.Paid ? 1 : 0,
        });
        var result = new Dictionary<string, object> { ["danhSach"] = items, ["tongSo"] = Count };
        if (withCursor && offset + size < Count)
        {
            result["tiep"] = string.Create(CultureInfo.InvariantCulture, $"sau-{offset + size}");
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["ketQua"] = result });
    }

    /// <summary>
    /// The national sync shape, <c>{ "total", "items" }</c>: the dossiers received in <paramref name="period"/> (yyyy-MM)
    /// when given, otherwise every dossier whatever month is asked (a source without a period filter).
    /// </summary>
    public string NationalPage(int page, int size, Func<Dossier, string>? receivedText = null, string? period = null)
    {
        var chosen = period is null ? Dossiers : Dossiers.Where(d => d.Received.ToString("yyyy-MM", CultureInfo.InvariantCulture) == period).ToList();
        var items = chosen.Skip((page - 1) * size).Take(size).Select(d => new Dictionary<string, object?>
        {
            ["MaHoSo"] = d.Id,
            ["MaTTHC"] = "1.001234",
            ["MaDonVi"] = d.SourceUnit,
            ["KenhThucHien"] = d.Online ? 2 : 1,
            ["ToanTrinh"] = d.FullOnline,
            ["NgayTiepNhan"] = receivedText?.Invoke(d) ?? Stamp(d.Received),
            ["NgayHenTra"] = Stamp(d.Due),
            ["NgayKetThucXuLy"] = d.Finished is { } f ? Stamp(f) : "",
            ["TrangThaiHoSo"] = d.State switch { "done" => 10, "pending" => 4, _ => 3 },
            ["CoPhi"] = d.Fee,
            ["DuocThanhToanTrucTuyen"] = d.Paid,
            ["HoSoCoThanhPhanSoHoa"] = d.Digitised,
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["page"] = page, ["pageSize"] = size, ["total"] = chosen.Count, ["items"] = items });
    }

    public static string Stamp(DateTime local) => local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private void Add(string id, string unit, DateTime received, int i)
    {
        received = new DateTime(received.Ticks - (received.Ticks % TimeSpan.TicksPerMinute));
        var due = received.Date.AddDays(10).AddHours(17);
        DateTime? finished = received.AddDays(i % 13).AddHours(2);
        string state = i % 7 == 0 ? "refused" : finished <= NowLocal ? "done" : "pending";
        bool online = i % 3 != 0;
        bool fee = i % 4 == 0;
        Dossiers.Add(new Dossier(id, unit, received, due, state == "done" ? finished : null, state, online, online && i % 5 == 0, fee, fee && i % 8 == 0, i % 2 == 0));
    }

    /// <summary>One dossier; dates are Vietnamese wall-clock time; <see cref="State"/> is done, pending or refused.</summary>
    public sealed record Dossier(string Id, string SourceUnit, DateTime Received, DateTime Due, DateTime? Finished, string State,
        bool Online, bool FullOnline, bool Fee, bool Paid, bool Digitised);
}
