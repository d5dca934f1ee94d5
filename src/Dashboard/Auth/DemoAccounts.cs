namespace KpiMonitor.Dashboard.Auth;

/// <summary>The documented demo accounts, present only while the demo is on (README lists them).</summary>
public static class DemoAccounts
{
    public static readonly (string User, string Password, string Name, string Role)[] All =
    [
        ("lanhdao", "LanhDao@2026", "Lãnh đạo UBND tỉnh (trình diễn)", Roles.Viewer),
        ("canbo", "CanBo@2026", "Cán bộ Sở KH&CN (trình diễn)", Roles.Operator),
        ("quantri", "QuanTri@2026", "Quản trị hệ thống (trình diễn)", Roles.Admin),
    ];
}
