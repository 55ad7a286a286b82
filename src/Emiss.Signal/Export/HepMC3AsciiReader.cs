using System.Globalization;

namespace Emiss.Signal.Export;

/// <summary>
/// Reads HepMC3 Asciiv3 as <see cref="HepMC3AsciiWriter"/> writes it (and the subset of WriterAscii output with
/// E/U/W/A/V/P lines), checking the rules of docs/physics/formats.md#hepmc3: header, ids 1..N in order, `E` counts,
/// weight count = run weight names, parents refer to earlier particles or listed vertices.
/// </summary>
public static class HepMC3AsciiReader
{
    /// <summary>Parses a whole listing; returns the run weight names, run attributes (unescaped) and events.</summary>
    /// <exception cref="FormatException">Any violation, with the line number.</exception>
    public static (IReadOnlyList<string> WeightNames, IReadOnlyList<KeyValuePair<string, string>> RunAttributes, IReadOnlyList<HepMC3Event> Events) Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = new List<string>();
        for (string? l = input.ReadLine(); l is not null; l = input.ReadLine()) lines.Add(l);
        int n = 0;
        string Next() => n < lines.Count ? lines[n++] : throw new FormatException("unexpected end of file");
        if (!Next().StartsWith("HepMC::Version", StringComparison.Ordinal)) throw new FormatException("line 1: missing HepMC::Version");
        if (Next() != "HepMC::Asciiv3-START_EVENT_LISTING") throw new FormatException("line 2: missing Asciiv3 start line");
        var names = new List<string>();
        var runAttrs = new List<KeyValuePair<string, string>>();
        var events = new List<HepMC3Event>();
        EventBuilder? cur = null;
        bool ended = false;
        while (n < lines.Count)
        {
            string line = Next();
            int ln = n;
            if (line == "HepMC::Asciiv3-END_EVENT_LISTING") { ended = true; break; }
            if (line.Length == 0) continue;
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (f[0])
            {
                case "W" when cur is null: names.AddRange(f.Skip(1)); break;
                case "T" when cur is null: break;
                case "A" when cur is null:
                    runAttrs.Add(new(f[1], Unescape(Rest(line, 2)))); break;
                case "E":
                    if (cur is not null) events.Add(cur.Build(ln));
                    cur = new EventBuilder(L(f[1], ln), I(f[2], ln), I(f[3], ln));
                    break;
                case "U":
                    Need(cur, ln);
                    if (f.Length != 3 || f[1] is not ("GEV" or "MEV") || f[2] is not ("MM" or "CM")) throw new FormatException($"line {ln}: bad U line");
                    break;
                case "W":
                    Need(cur, ln);
                    if (f.Length - 1 != names.Count) throw new FormatException($"line {ln}: {f.Length - 1} weights, run declares {names.Count}");
                    cur!.Weights.AddRange(f.Skip(1).Select(x => D(x, ln)));
                    break;
                case "A":
                    Need(cur, ln);
                    if (I(f[1], ln) == 0) cur!.Attributes.Add(new(f[2], Unescape(Rest(line, 3))));
                    break;
                case "V":
                {
                    Need(cur, ln);
                    int id = I(f[1], ln);
                    if (id >= 0) throw new FormatException($"line {ln}: vertex id must be negative");
                    string inList = f[3];
                    if (!inList.StartsWith('[') || !inList.EndsWith(']')) throw new FormatException($"line {ln}: bad incoming list");
                    int[] inc = [.. inList[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => I(x, ln))];
                    foreach (int p in inc)
                        if (p < 1 || p > cur!.Particles.Count) throw new FormatException($"line {ln}: incoming particle {p} not yet defined");
                    double x = 0, y = 0, z = 0, t = 0;
                    if (f.Length > 4)
                    {
                        if (f[4] != "@" || f.Length != 9) throw new FormatException($"line {ln}: bad vertex position");
                        (x, y, z, t) = (D(f[5], ln), D(f[6], ln), D(f[7], ln), D(f[8], ln));
                    }
                    cur!.Vertices.Add(new HepMC3Vertex(id, I(f[2], ln), inc, x, y, z, t));
                    break;
                }
                case "P":
                {
                    Need(cur, ln);
                    if (f.Length != 10) throw new FormatException($"line {ln}: P line needs 10 fields");
                    int id = I(f[1], ln), parent = I(f[2], ln);
                    if (id != cur!.Particles.Count + 1) throw new FormatException($"line {ln}: particle id {id} out of order");
                    if (parent > 0 && parent >= id) throw new FormatException($"line {ln}: parent {parent} is not an earlier particle");
                    if (parent < 0 && cur.Vertices.All(v => v.Id != parent)) throw new FormatException($"line {ln}: vertex {parent} not defined before use");
                    cur.Particles.Add(new HepMC3Particle(id, parent, I(f[3], ln), D(f[4], ln), D(f[5], ln), D(f[6], ln), D(f[7], ln), D(f[8], ln), I(f[9], ln)));
                    break;
                }
                default: throw new FormatException($"line {ln}: unknown record '{f[0]}'");
            }
        }
        if (!ended) throw new FormatException("missing HepMC::Asciiv3-END_EVENT_LISTING");
        if (cur is not null) events.Add(cur.Build(n));
        return (names, runAttrs, events);
    }

    /// <summary>Inverse of <see cref="HepMC3AsciiWriter.Escape"/>.</summary>
    public static string Unescape(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                char c = s[++i];
                sb.Append(c == '|' ? '\n' : c);
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static string Rest(string line, int skipFields)
    {
        int pos = 0;
        for (int k = 0; k < skipFields; k++)
        {
            pos = line.IndexOf(' ', pos);
            if (pos < 0) return "";
            pos++;
        }
        return line[pos..];
    }

    private static void Need(EventBuilder? cur, int ln)
    {
        if (cur is null) throw new FormatException($"line {ln}: record outside an event");
    }

    private static int I(string s, int ln) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new FormatException($"line {ln}: bad integer '{s}'");

    private static long L(string s, int ln) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw new FormatException($"line {ln}: bad integer '{s}'");

    private static double D(string s, int ln) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new FormatException($"line {ln}: bad number '{s}'");

    private sealed class EventBuilder(long number, int vertices, int particles)
    {
        public List<HepMC3Particle> Particles { get; } = [];
        public List<HepMC3Vertex> Vertices { get; } = [];
        public List<double> Weights { get; } = [];
        public List<KeyValuePair<string, string>> Attributes { get; } = [];

        public HepMC3Event Build(int ln)
        {
            if (Particles.Count != particles) throw new FormatException($"event {number} (before line {ln}): E declares {particles} particles, found {Particles.Count}");
            // Vertices = explicit ones + implicit one-incoming vertices (distinct positive parents).
            int implicitCount = Particles.Where(p => p.Parent > 0).Select(p => p.Parent).Distinct().Count();
            if (Vertices.Count + implicitCount != vertices)
                throw new FormatException($"event {number}: E declares {vertices} vertices, found {Vertices.Count} explicit + {implicitCount} implicit");
            return new HepMC3Event(number, vertices, Particles, Vertices, Weights, Attributes);
        }
    }
}
