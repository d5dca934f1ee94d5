using System.Text.Json;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads and checks <c>units.json</c>: levels, units, parents over time, and that no day's tree has a cycle.</summary>
internal static partial class UnitFileReader
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();

    public static OrgTree Read(JsonElement root, JsonConfigReader r)
    {
        var levels = new List<OrgLevel>();
        foreach (var (e, path) in r.Array(root, "levels"))
        {
            r.OnlyKnown(e, path, "code", "nameVi", "nameEn");
            string? code = r.String(e, path, "code", true);
            string? nameVi = r.String(e, path, "nameVi", true);
            if (code is not null && levels.Any(l => l.Code == code))
            {
                r.Error($"{path}.code", $"mã cấp '{code}' bị trùng");
            }
            else if (code is not null && nameVi is not null)
            {
                levels.Add(new OrgLevel(code, nameVi, r.String(e, path, "nameEn", false) ?? nameVi));
            }
        }

        var units = new List<(OrgUnit Unit, string Path)>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (e, path) in r.Array(root, "units"))
        {
            r.OnlyKnown(e, path, "code", "nameVi", "nameEn", "level", "parent", "validFrom", "validTo", "moves");
            string? code = r.String(e, path, "code", true);
            string? nameVi = r.String(e, path, "nameVi", true);
            string? level = r.String(e, path, "level", true);
            if (code is not null && !CodePattern().IsMatch(code))
            {
                r.Error($"{path}.code", $"mã đơn vị '{code}' chỉ được gồm chữ, số, '.', '_' và '-'");
                code = null;
            }
            else if (code is not null && !paths.TryAdd(code, path))
            {
                r.Error($"{path}.code", $"mã đơn vị '{code}' bị trùng với {paths[code]}");
                code = null;
            }

            if (level is not null && levels.All(l => l.Code != level))
            {
                r.Error($"{path}.level", $"cấp '{level}' không có trong danh sách levels");
            }

            var validFrom = r.Date(e, path, "validFrom");
            var validTo = r.Date(e, path, "validTo");
            if (validFrom > validTo)
            {
                r.Error($"{path}.validTo", $"ngày kết thúc {validTo:yyyy-MM-dd} trước ngày bắt đầu {validFrom:yyyy-MM-dd}");
            }

            var parents = new List<ParentLink> { new(DateOnly.MinValue, r.String(e, path, "parent", false)) };
            parents.AddRange(ReadMoves(e, path, r));
            if (code is not null && nameVi is not null && level is not null)
            {
                units.Add((new OrgUnit
                {
                    Code = code, NameVi = nameVi, NameEn = r.String(e, path, "nameEn", false), Level = level,
                    ValidFrom = validFrom, ValidTo = validTo, Parents = parents,
                }, path));
            }
        }

        CheckParents(units, r);
        var tree = new OrgTree(levels, units.Select(u => u.Unit));
        CheckCycles(tree, units.ToDictionary(u => u.Unit.Code, u => u.Path), r);
        return tree;
    }

    private static List<ParentLink> ReadMoves(JsonElement unit, string path, JsonConfigReader r)
    {
        var moves = new List<ParentLink>();
        if (!unit.TryGetProperty("moves", out var array))
        {
            return moves;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            r.Error($"{path}.moves", "phải là một mảng");
            return moves;
        }

        int i = 0;
        foreach (var move in array.EnumerateArray())
        {
            string movePath = $"{path}.moves[{i++}]";
            r.OnlyKnown(move, movePath, "from", "parent");
            var from = r.Date(move, movePath, "from");
            if (from is null)
            {
                r.Error($"{movePath}.from", "thiếu ngày bắt đầu (yyyy-MM-dd)");
                continue;
            }

            if (moves.Count > 0 && from <= moves[^1].From)
            {
                r.Error($"{movePath}.from", "các lần chuyển phải theo thứ tự ngày tăng dần");
            }

            moves.Add(new ParentLink(from.Value, r.String(move, movePath, "parent", false)));
        }

        return moves;
    }

    private static void CheckParents(List<(OrgUnit Unit, string Path)> units, JsonConfigReader r)
    {
        var codes = units.Select(u => u.Unit.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (unit, path) in units)
        {
            for (int i = 0; i < unit.Parents.Count; i++)
            {
                string? parent = unit.Parents[i].ParentCode;
                string where = i == 0 ? $"{path}.parent" : $"{path}.moves[{i - 1}].parent";
                if (parent == unit.Code)
                {
                    r.Error(where, $"đơn vị '{unit.Code}' không thể là cha của chính nó");
                }
                else if (parent is not null && !codes.Contains(parent))
                {
                    r.Error(where, $"đơn vị cha '{parent}' không có trong danh sách đơn vị");
                }
            }
        }

        if (units.Count > 0 && units.All(u => u.Unit.Parents[0].ParentCode is not null))
        {
            r.Error("$.units", "không có đơn vị gốc (đơn vị nào cũng có cha)");
        }
    }

    /// <summary>The tree can differ on every change date, so each one is checked for a loop.</summary>
    private static void CheckCycles(OrgTree tree, Dictionary<string, string> paths, JsonConfigReader r)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var date in tree.ChangeDates.Prepend(DateOnly.MinValue))
        {
            foreach (var unit in tree.Units)
            {
                var seen = new List<string> { unit.Code };
                string? current = unit.ParentOn(date);
                while (current is not null && tree.Find(current) is { } parent)
                {
                    if (current == unit.Code)
                    {
                        if (reported.Add(unit.Code))
                        {
                            r.Error($"{paths[unit.Code]}.parent",
                                $"vòng lặp trong cây đơn vị (từ {date:yyyy-MM-dd}): {string.Join(" → ", seen)} → {unit.Code}");
                        }

                        break;
                    }

                    if (seen.Count > tree.Units.Count)
                    {
                        break;
                    }

                    seen.Add(current);
                    current = parent.ParentOn(date);
                }
            }
        }
    }
}
