using System.Xml.Linq;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Tests.ManualEntry;

/// <summary>
/// The audit trail and the key ring in the shared store (ADR 016), on a real SQLite store: two instances are two
/// replicas; the old JSON-lines file is imported once.
/// </summary>
public sealed class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 30, 0, TimeSpan.Zero);
    private readonly TempSqliteStores _stores = new();
    private readonly ManualClock _clock = new(Start);

    [Fact]
    public async Task AnEntrySavedOnOneReplica_ShowsOnTheOther_OnceItsRefreshIntervalHasPassed()
    {
        var store = _stores.Create(TestCatalog.Create());
        using var a = new AuditLog(store, Settings(), _clock);
        using var b = new AuditLog(store, Settings(), _clock);
        Assert.Empty(await b.RecentAsync(10, CancellationToken.None));

        await a.AppendAsync([Entry("16 / 37")], CancellationToken.None);
        var cached = await b.RecentAsync(10, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var read = await b.RecentAsync(10, CancellationToken.None);

        Assert.Single(await a.RecentAsync(10, CancellationToken.None)); // its own entry at once
        Assert.Empty(cached); // within the interval B answers from memory, without asking the store
        Assert.Equal("16 / 37", Assert.Single(read).New);
        Assert.Equal("16 / 37", (await b.LastChangesAsync("par_plan_progress", CancellationToken.None))[("LCU", new DateOnly(2026, 10, 1))].New);
    }

    [Fact]
    public async Task TheOldAuditFile_IsImportedOnce_WithoutEntriesTheStoreHolds_ThenRenamed()
    {
        var store = _stores.Create(TestCatalog.Create());
        string file = Path.Combine(_stores.Folder, "nhap-tay.jsonl");
        var settings = Settings(file);
        using var audit = new AuditLog(store, settings, _clock);
        await audit.AppendAsync([Entry("2 / 37")], CancellationToken.None); // already in the store (imported by another replica)
        string[] lines = [Line(Entry("1 / 37")), Line(Entry("2 / 37")), "không phải JSON", Line(Entry("3 / 37"))];
        await File.WriteAllLinesAsync(file, lines);
        var import = new AuditFileImport(store, audit, settings, _clock, NullLogger<AuditFileImport>.Instance);

        int first = await import.ImportAsync(CancellationToken.None);
        File.Move(file + AuditFileImport.ImportedSuffix, file); // the same file again (a copy on another replica)
        int again = await import.ImportAsync(CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, again);
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(file + AuditFileImport.ImportedSuffix));
        var entries = await new AuditLog(store, Settings(), _clock).RecentAsync(10, CancellationToken.None);
        Assert.Equal(["1 / 37", "2 / 37", "3 / 37"], entries.Select(e => e.New).Order());
    }

    [Fact]
    public void KeysStoredByOneReplica_AreReadByAnother()
    {
        var store = _stores.Create(TestCatalog.Create());
        var key = new XElement("key", new XAttribute("id", "6f5c1e9a"), new XElement("descriptor", "bí mật"));

        new StoreKeyRepository(store, _clock).StoreElement(key, "key-6f5c1e9a");
        new StoreKeyRepository(store, _clock).StoreElement(key, "key-6f5c1e9a"); // stored again: still one key
        var read = new StoreKeyRepository(store, _clock).GetAllElements();

        Assert.Equal(key.ToString(), Assert.Single(read).ToString());
    }

    public void Dispose() => _stores.Dispose();

    private static IOptions<ManualEntryOptions> Settings(string? file = null) =>
        Options.Create(new ManualEntryOptions { AuditFile = file, AuditRefreshInterval = TimeSpan.FromSeconds(5) });

    private static AuditEntry Entry(string value) =>
        new(Start, "canbo", "par_plan_progress", "LCU", new DateOnly(2026, 10, 1), null, value, "biểu mẫu");

    private static string Line(AuditEntry entry) => System.Text.Json.JsonSerializer.Serialize(entry, AuditLog.Json);
}
