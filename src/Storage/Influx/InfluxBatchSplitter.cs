using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Finds the lines a server refused in a batch it answered with 400, by sending halves (bisection), so that
/// only those lines are dead-lettered and the rest are stored.
/// <para>
/// Two kinds of 400 meet. InfluxDB 2.x and 3.x (and 1.x when no line parses) refuse the whole batch: nothing is
/// written, so both halves are sent. InfluxDB 1.x keeps the good lines and answers <c>partial write … dropped=N</c>,
/// listing each unparsable line apart from N: the good lines are already stored and the number of bad lines is
/// known, so only the left half is sent and the right half's count follows by subtraction; a part whose bad
/// count is 0 or all of it needs no request. A good line sent again overwrites itself (same key and time) and
/// is counted once, because each line is counted by the request that settled it.
/// </para>
/// Requests after the first: at most 2·k·⌈log2 n⌉ for k bad lines among n (k·⌈log2 n⌉ against 1.x).
/// </summary>
internal sealed partial class InfluxBatchSplitter(InfluxConnection connection)
{
    /// <summary>
    /// Isolates the refused lines of <paramref name="lines"/> (line protocol, one point per <c>\n</c>-ended line,
    /// not compressed) after the server answered <paramref name="refusal"/> to all of them.
    /// </summary>
    public async Task<SplitOutcome> IsolateAsync(ReadOnlyMemory<byte> lines, bool nanoseconds, InfluxReply refusal, CancellationToken cancellationToken)
    {
        var run = new Run(this, lines, nanoseconds, LineStarts(lines.Span));
        int count = run.Starts.Count - 1;
        await run.SettleAsync(0, count, BadCount(refusal, count), refusal.ServerMessage, cancellationToken);
        run.Bad.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new SplitOutcome(run.Bad, run.Requests);
    }

    /// <summary>
    /// The number of refused lines a 1.x partial write reports (its <c>dropped=N</c> plus the lines it could not
    /// parse, which 1.x lists apart), or null for a refusal of the whole batch.
    /// </summary>
    public static int? BadCount(InfluxReply reply, int lines)
    {
        // The full body, not the shortened message: every "unable to parse" counts.
        string text = Encoding.UTF8.GetString(reply.Body.Span);
        if (!text.Contains("partial write", StringComparison.Ordinal))
        {
            return null;
        }

        var match = DroppedCount().Match(text);
        int dropped = match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
        int unparsed = 0;
        for (int i = text.IndexOf("unable to parse", StringComparison.Ordinal); i >= 0; i = text.IndexOf("unable to parse", i + 1, StringComparison.Ordinal))
        {
            unparsed++;
        }

        // A partial write that names no count still refused something: treat it as unknown.
        return dropped + unparsed == 0 ? null : Math.Min(dropped + unparsed, lines);
    }

    private static List<int> LineStarts(ReadOnlySpan<byte> body)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        if (starts[^1] != body.Length)
        {
            starts.Add(body.Length);
        }

        return starts;
    }

    [GeneratedRegex(@"dropped=(\d+)")]
    private static partial Regex DroppedCount();

    private sealed class Run(InfluxBatchSplitter owner, ReadOnlyMemory<byte> lines, bool nanoseconds, List<int> starts)
    {
        public List<int> Starts => starts;

        public List<RefusedLine> Bad { get; } = [];

        public int Requests { get; private set; }

        /// <summary>
        /// Settles lines [from, to) that the server refused as a group: <paramref name="known"/> bad lines when a
        /// 1.x partial write already stored the others, null when nothing of the group is stored. Returns the bad count.
        /// </summary>
        public async Task<int> SettleAsync(int from, int to, int? known, string message, CancellationToken cancellationToken)
        {
            int size = to - from;
            if (known == 0)
            {
                return 0;
            }

            if (known == size || (known is null && size == 1))
            {
                for (int line = from; line < to; line++)
                {
                    Bad.Add(new RefusedLine(line, message));
                }

                return size;
            }

            int mid = from + (size / 2);
            int left = await ProbeAsync(from, mid, cancellationToken);
            if (known is int total)
            {
                // The right half's good lines are stored already; only its bad count is needed, and it follows.
                int right = Math.Clamp(total - left, 0, to - mid);
                return left + await SettleAsync(mid, to, right, message, cancellationToken);
            }

            return left + await ProbeAsync(mid, to, cancellationToken);
        }

        private async Task<int> ProbeAsync(int from, int to, CancellationToken cancellationToken)
        {
            var body = lines[starts[from]..starts[to]];
            Requests++;
            var reply = await owner.WriteAsync(body, nanoseconds, cancellationToken);
            return reply.Code switch
            {
                200 or 204 => 0,
                400 => await SettleAsync(from, to, BadCount(reply, to - from), reply.ServerMessage, cancellationToken),
                _ => throw InfluxConnection.Refused("ghi dữ liệu", reply),
            };
        }
    }

    private Task<InfluxReply> WriteAsync(ReadOnlyMemory<byte> body, bool nanoseconds, CancellationToken cancellationToken) =>
        connection.WriteAsync(body, gzipped: false, nanoseconds, cancellationToken);
}
