using System.Security.Claims;
using KpiMonitor.Dashboard.Auth;

namespace KpiMonitor.Dashboard.Tests.Auth;

public sealed class OidcClaimsMapperTests
{
    private static readonly OidcOptions Options = new()
    {
        Authority = "https://sso.tinh.gov.vn/realms/tinh",
        ClientId = "kpimonitor",
        RoleMap = new() { ["ict-staff"] = Roles.Operator, ["/kpi/lanh-dao"] = Roles.Viewer, ["quan-tri"] = Roles.Admin },
    };

    [Fact]
    public void Map_GivesEveryMappedRole_OnceEach_IgnoringCaseOfProviderValues()
    {
        var user = OidcClaimsMapper.Map(Token(("preferred_username", "an.nv"), ("roles", "ICT-Staff"), ("roles", "ict-staff"), ("roles", "quan-tri"), ("roles", "khac")), Options)!;

        Assert.Equal([Roles.Operator, Roles.Admin], user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.True(user.IsInRole(Roles.Admin));
        Assert.Equal("an.nv", user.Identity!.Name);
        Assert.True(user.Identity.IsAuthenticated);
    }

    [Fact]
    public void Map_ShowsTheNameClaim_AndFallsBackToTheUserName()
    {
        var named = OidcClaimsMapper.Map(Token(("preferred_username", "an.nv"), ("name", "Nguyễn Văn An"), ("roles", "ict-staff")), Options)!;
        var unnamed = OidcClaimsMapper.Map(Token(("sub", "f3a9"), ("roles", "/kpi/lanh-dao")), Options)!;

        Assert.Equal("Nguyễn Văn An", named.FindFirst("display_name")!.Value);
        Assert.Equal("f3a9", unnamed.Identity!.Name);
        Assert.Equal("f3a9", unnamed.FindFirst("display_name")!.Value);
    }

    [Fact]
    public void Map_WithNoMappedRole_IsNull()
    {
        Assert.Null(OidcClaimsMapper.Map(Token(("preferred_username", "khach"), ("roles", "nhan-vien")), Options));
        Assert.Null(OidcClaimsMapper.Map(Token(("preferred_username", "khach")), Options));
    }

    [Fact]
    public void Map_ReadsTheConfiguredClaim_NotRoles()
    {
        var groups = new OidcOptions { RoleClaim = "groups", RoleMap = Options.RoleMap };

        var user = OidcClaimsMapper.Map(Token(("preferred_username", "an.nv"), ("groups", "/kpi/lanh-dao"), ("roles", "quan-tri")), groups)!;

        Assert.Equal([Roles.Viewer], user.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "id_token"));
}
