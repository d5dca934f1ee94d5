using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>Writes one item of a system's shape, disturbed as told.</summary>
internal delegate void ItemWriter<in TItem>(Utf8JsonWriter json, TItem item, in BodyFaults faults, ItemDisturbance disturbance);
