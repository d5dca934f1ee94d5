using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Rollups;

/// <summary>Positions of the catalogue's units in a <see cref="RollupSnapshot"/>'s rows; one per catalogue, shared by all snapshots.</summary>
public sealed class UnitIndex
{
    private readonly Dictionary<string, int> _position;
    private readonly string[] _codes;

    /// <summary>Numbers the units in the tree's order.</summary>
    public UnitIndex(OrgTree tree)
    {
        _codes = tree.Units.Select(u => u.Code).ToArray();
        _position = new Dictionary<string, int>(_codes.Length, StringComparer.Ordinal);
        for (int i = 0; i < _codes.Length; i++)
        {
            _position[_codes[i]] = i;
        }
    }

    /// <summary>Number of units.</summary>
    public int Count => _codes.Length;

    /// <summary>The position of a unit, or −1 when the catalogue does not know it.</summary>
    public int Find(string code) => _position.GetValueOrDefault(code, -1);

    /// <summary>The code at a position.</summary>
    public string Code(int position) => _codes[position];
}
