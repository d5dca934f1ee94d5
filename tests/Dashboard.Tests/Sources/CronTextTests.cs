using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Sources;

public sealed class CronTextTests
{
    [Theory]
    [InlineData("0 5 * * * ?", "Mỗi giờ, vào phút 05", "Every hour at :05")]
    [InlineData("0 15 */2 * * ?", "Mỗi 2 giờ, vào phút 15", "Every 2 hours at :15")]
    [InlineData("0 */5 * * * ?", "Mỗi 5 phút", "Every 5 minutes")]
    [InlineData("0 30 6 * * ?", "Hằng ngày lúc 06:30", "Daily at 06:30")]
    [InlineData("0 0 7,13 ? * *", "Hằng ngày lúc 07:00, 13:00", "Daily at 07:00, 13:00")]
    public void Describe_CommonSchedules_InBothLanguages(string cron, string vi, string en)
    {
        Assert.Equal(vi, CronText.Describe(cron, culture: Cultures.Vietnamese));
        Assert.Equal(en, CronText.Describe(cron, culture: Cultures.English));
    }

    [Theory]
    [InlineData("0 0 7 ? * MON-FRI")]
    [InlineData("0 0 7 1 * ?")]
    [InlineData("30 5 * * * ?")]
    [InlineData("0 5-10 * * * ?")]
    [InlineData("0 0 25 * * ?")]
    [InlineData("nonsense")]
    public void Describe_AnythingElse_IsLeftToTheExpression(string cron) =>
        Assert.Null(CronText.Describe(cron, culture: Cultures.Vietnamese));
}
