namespace KpiMonitor.SourceSimulator.Auth;

public enum TokenCheck
{
    Valid,
    Unknown,
    Expired,
}
