using System.Globalization;
using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>Writes numbers the way the active faults want them: as numbers, as strings, missing or of the wrong type.</summary>
internal static class JsonFields
{
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");

    public static void Number(Utf8JsonWriter json, JsonEncodedText name, int value, in BodyFaults faults)
    {
        if (faults.NumbersAsStrings)
        {
            json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    public static void Number(Utf8JsonWriter json, JsonEncodedText name, decimal value, in BodyFaults faults)
    {
        if (faults.NumbersAsStrings)
        {
            json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    /// <summary>The field a disturbance aims at (usually the denominator).</summary>
    public static void Target(Utf8JsonWriter json, JsonEncodedText name, decimal value, in BodyFaults faults, ItemDisturbance disturbance)
    {
        switch (disturbance)
        {
            case ItemDisturbance.Missing:
                return;
            case ItemDisturbance.WrappedInObject:
                json.WriteStartObject(name);
                json.WriteNumber(Value, value);
                json.WriteEndObject();
                return;
            case ItemDisturbance.WrappedInArray:
                json.WriteStartArray(name);
                json.WriteNumberValue(value);
                json.WriteEndArray();
                return;
            case ItemDisturbance.Flag:
                json.WriteBoolean(name, true);
                return;
            default:
                Number(json, name, value, faults);
                return;
        }
    }

    /// <summary>The envelope of a paged answer, up to the opening of <c>items</c>.</summary>
    public static void BeginPage(Utf8JsonWriter json, int page, int pageSize, int total, in BodyFaults faults)
    {
        json.WriteStartObject();
        Number(json, Names.Page, page, faults);
        Number(json, Names.PageSize, pageSize, faults);
        Number(json, Names.Total, total, faults);
        json.WriteStartArray(Names.Items);
    }

    public static void EndPage(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static class Names
    {
        public static readonly JsonEncodedText Page = JsonEncodedText.Encode("page");
        public static readonly JsonEncodedText PageSize = JsonEncodedText.Encode("pageSize");
        public static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
        public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    }
}
