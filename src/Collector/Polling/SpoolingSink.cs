using KpiMonitor.Collector.Sources;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Polling;

/// <summary>The sink of one poll: pages go to the spool; rejected records are counted and the first ones kept for the summary.</summary>
internal sealed class SpoolingSink(ObservationSpool spool, string source) : IObservationSink
{
    private const int KeptProblems = 50;
    private readonly List<string> _problems = [];
    private long _points;
    private int _rejected;

    public long Points => Interlocked.Read(ref _points);
    public int Rejected => _rejected;
    public IReadOnlyList<string> Problems => _problems;

    public async Task AddAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        await spool.AppendAsync(observations, cancellationToken);
        Interlocked.Add(ref _points, observations.Count);
    }

    public void Reject(string unit, string field, string problem)
    {
        lock (_problems)
        {
            _rejected++;
            if (_problems.Count < KeptProblems)
            {
                _problems.Add($"nguồn '{source}', đơn vị '{unit}', trường '{field}': {problem}");
            }
        }
    }
}
