namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>sources.json entries pointing at a simulator, one per source kind, with short timeouts for tests.</summary>
public static class TestSources
{
    private const string OAuth = """{ "type": "oauth2", "tokenUrl": "auth/realms/lgsp/protocol/openid-connect/token", "clientId": "kpimonitor", "secret": "KPIMONITOR_EOFFICE_SECRET" }""";

    public static string Json(Uri simulator, params string[] codes) =>
        "{ \"sources\": [" + string.Join(",", codes.Select(c => Entry(c, simulator))) + "] }";

    private static string Entry(string code, Uri sim) => code switch
    {
        "eoffice" => $$"""{ "code": "eoffice", "nameVi": "Văn bản điều hành", "kind": "eoffice", "schedule": "0 0 * * * ?", "baseUrl": "{{sim}}", "auth": {{OAuth}}, "timeoutSeconds": 2, "pageSize": 40 }""",
        "onestop" => $$"""{ "code": "onestop", "nameVi": "Một cửa", "kind": "onestop-stats", "schedule": "0 0 * * * ?", "baseUrl": "{{sim}}", "auth": {{OAuth}}, "timeoutSeconds": 2, "pageSize": 40 }""",
        "onestop-records" => $$"""{ "code": "onestop-records", "nameVi": "Một cửa (hồ sơ)", "kind": "onestop-dossiers", "schedule": "0 0 * * * ?", "baseUrl": "{{sim}}", "auth": {{OAuth}}, "timeoutSeconds": 5, "pageSize": 500 }""",
        "antimalware" => $$"""{ "code": "antimalware", "nameVi": "Mã độc", "kind": "antimalware", "schedule": "0 0 * * * ?", "baseUrl": "{{sim}}", "auth": { "type": "apiKey", "secret": "KPIMONITOR_ANTIMALWARE_KEY" }, "unitMapFile": "mappings/antimalware.csv", "timeoutSeconds": 2 }""",
        "portal766" => $$"""{ "code": "portal766", "nameVi": "Cổng DVC", "kind": "portal766", "schedule": "0 0 * * * ?", "baseUrl": "{{sim}}", "auth": { "type": "basic", "username": "kpimonitor", "secret": "KPIMONITOR_PORTAL_PASSWORD" }, "timeoutSeconds": 2 }""",
        "http-json" => $$"""
            { "code": "http-json", "nameVi": "JSON khai báo", "kind": "http-json", "schedule": "0 0 * * * ?", "baseUrl": "{{sim}}", "auth": {{OAuth}}, "timeoutSeconds": 2,
              "mapping": { "path": "onestop/api/statistics?period={period}&page={page}&pageSize=50", "paged": true, "itemsPath": "items", "unitPath": "MaDonVi",
                "kpis": [ { "kpi": "online_payment_rate", "numeratorPath": "ThanhToanTrucTuyen", "denominatorPath": "CoPhi" }, { "kpi": "late_dossiers", "valuePath": "TreHan" } ] } }
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
