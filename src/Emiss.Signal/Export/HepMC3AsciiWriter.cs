using System.Globalization;
using System.Text;

namespace Emiss.Signal.Export;

/// <summary>
/// Writes HepMC3 Asciiv3 (docs/physics/formats.md#hepmc3, after hep-mirrors/hepmc3 WriterAscii): header lines, run info
/// (`W` weight names, `T` tool, `A` run attributes with '\' → '\\' and newline → '\|' escaping), per event
/// `E`, `U GEV MM`, `W`, `A 0 …`, then particles in id order, each explicit vertex written just before its first
/// outgoing particle; floats with %.16e. Dispose (or <see cref="Close"/>) writes the end-of-listing line.
/// </summary>
public sealed class HepMC3AsciiWriter : IDisposable
{
    /// <summary>Version string written in the header (readers check only the "HepMC::Version" prefix).</summary>
    public const string VersionLine = "HepMC::Version 3.02.06";

    private readonly TextWriter _out;
    private readonly int _weights;
    private bool _closed;

    /// <summary>Starts a listing on <paramref name="output"/> with run info.</summary>
    /// <param name="output">Destination (not closed by this writer).</param>
    /// <param name="weightNames">Names of the event weights (each event must carry that many).</param>
    /// <param name="toolName">Generator name for the `T` line.</param>
    /// <param name="toolVersion">Generator version.</param>
    /// <param name="toolDescription">Generator description.</param>
    /// <param name="runAttributes">Run-level attributes (provenance), written as `A name value`.</param>
    public HepMC3AsciiWriter(TextWriter output, IReadOnlyList<string> weightNames, string toolName, string toolVersion, string toolDescription,
        IEnumerable<KeyValuePair<string, string>> runAttributes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(weightNames);
        ArgumentNullException.ThrowIfNull(runAttributes);
        if (weightNames.Count == 0 || weightNames.Any(n => n.Length == 0 || n.Any(char.IsWhiteSpace)))
            throw new ArgumentException("need ≥ 1 weight name without whitespace", nameof(weightNames));
        _out = output;
        _weights = weightNames.Count;
        _out.Write(VersionLine + "\n");
        _out.Write("HepMC::Asciiv3-START_EVENT_LISTING\n");
        _out.Write("W " + string.Join(' ', weightNames) + "\n");
        _out.Write("T " + Escape(toolName) + "\\|" + Escape(toolVersion) + "\\|" + Escape(toolDescription) + "\n");
        foreach (KeyValuePair<string, string> a in runAttributes)
        {
            CheckName(a.Key);
            _out.Write("A " + a.Key + " " + Escape(a.Value) + "\n");
        }
    }

    /// <summary>Writes one event. Vertices are emitted before the first particle whose parent they are.</summary>
    /// <exception cref="ArgumentException">Ids not 1..N in order, weight count mismatch, or a parent referring forward.</exception>
    public void Write(HepMC3Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        ObjectDisposedException.ThrowIf(_closed, this);
        if (e.Weights.Count != _weights) throw new ArgumentException($"event has {e.Weights.Count} weights, run declares {_weights}");
        var sb = new StringBuilder(256 + 160 * e.Particles.Count);
        sb.Append("E ").Append(e.EventNumber.ToString(CultureInfo.InvariantCulture)).Append(' ')
          .Append(e.VertexCount.ToString(CultureInfo.InvariantCulture)).Append(' ')
          .Append(e.Particles.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("U GEV MM\n");
        sb.Append('W');
        foreach (double w in e.Weights) sb.Append(' ').Append(F(w));
        sb.Append('\n');
        foreach (KeyValuePair<string, string> a in e.Attributes)
        {
            CheckName(a.Key);
            sb.Append("A 0 ").Append(a.Key).Append(' ').Append(Escape(a.Value)).Append('\n');
        }
        var vertices = e.Vertices.ToDictionary(v => v.Id);
        var written = new HashSet<int>();
        for (int i = 0; i < e.Particles.Count; i++)
        {
            HepMC3Particle p = e.Particles[i];
            if (p.Id != i + 1) throw new ArgumentException($"particle ids must run 1..N in order (found {p.Id} at position {i + 1})");
            if (p.Parent > 0 && p.Parent >= p.Id) throw new ArgumentException($"particle {p.Id}: parent {p.Parent} is not an earlier particle");
            if (p.Parent < 0)
            {
                if (!vertices.TryGetValue(p.Parent, out HepMC3Vertex? v)) throw new ArgumentException($"particle {p.Id}: vertex {p.Parent} is not listed");
                if (written.Add(v.Id))
                {
                    if (v.Incoming.Any(id => id >= p.Id)) throw new ArgumentException($"vertex {v.Id}: incoming particles must precede its outgoing ones");
                    sb.Append("V ").Append(v.Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(v.Status.ToString(CultureInfo.InvariantCulture))
                      .Append(" [").Append(string.Join(',', v.Incoming.Select(x => x.ToString(CultureInfo.InvariantCulture)))).Append(']');
                    if (v.X != 0 || v.Y != 0 || v.Z != 0 || v.T != 0)
                        sb.Append(" @ ").Append(F(v.X)).Append(' ').Append(F(v.Y)).Append(' ').Append(F(v.Z)).Append(' ').Append(F(v.T));
                    sb.Append('\n');
                }
            }
            sb.Append("P ").Append(p.Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(p.Parent.ToString(CultureInfo.InvariantCulture)).Append(' ')
              .Append(p.PdgId.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(F(p.Px)).Append(' ').Append(F(p.Py)).Append(' ')
              .Append(F(p.Pz)).Append(' ').Append(F(p.E)).Append(' ').Append(F(p.GeneratedMass)).Append(' ')
              .Append(p.Status.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        _out.Write(sb.ToString());
    }

    /// <summary>Writes the end-of-listing line and an empty line.</summary>
    public void Close()
    {
        if (_closed) return;
        _out.Write("HepMC::Asciiv3-END_EVENT_LISTING\n\n");
        _out.Flush();
        _closed = true;
    }

    /// <inheritdoc />
    public void Dispose() => Close();

    /// <summary>HepMC3's string escaping: '\' → '\\', newline → '\|'.</summary>
    public static string Escape(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\|", StringComparison.Ordinal);
    }

    /// <summary>C's %.16e: 17 significant digits, exponent with sign and at least two digits.</summary>
    public static string F(double v)
    {
        string s = v.ToString("E16", CultureInfo.InvariantCulture); // d.ddddddddddddddddE+ddd
        int k = s.IndexOf('E', StringComparison.Ordinal);
        int exp = int.Parse(s.AsSpan(k + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Concat(s.AsSpan(0, k), exp < 0 ? "e-" : "e+", Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
    }

    private static void CheckName(string name)
    {
        if (name.Length == 0 || name.Any(char.IsWhiteSpace)) throw new ArgumentException($"attribute name '{name}' must be non-empty without whitespace");
    }
}
