using System.Collections;
using System.Globalization;
using System.Resources;

namespace KpiMonitor.Testing;

/// <summary>The texts a .resx resource holds for exactly one culture, without falling back to the neutral ones.</summary>
public static class ResourceTexts
{
    public static Dictionary<string, string> Of(Type resource, CultureInfo culture) =>
        new ResourceManager(resource.FullName!, resource.Assembly)
            .GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
}
