using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Emiss.Cli.Commands;

/// <summary>
/// The resolved inputs of <c>emiss shower</c> (options after defaults), its run card: recorded as YAML in the
/// provenance of every output (CSV '#' lines, figure metadata) and as the "inputs" object of summary.json.
/// Thread count and timing are not inputs of the physics (results are identical for any thread count); they go
/// to timing.json.
/// </summary>
/// <param name="Particle">Primary species name (e-, e+, gamma, mu-, mu+).</param>
/// <param name="EnergyGeV">Primary kinetic energy, GeV.</param>
/// <param name="Geometry">Geometry as given: a built-in name or a .json file.</param>
/// <param name="Events">Number of primaries.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="BeamXCm">Beam entry x, cm.</param>
/// <param name="BeamYCm">Beam entry y, cm.</param>
/// <param name="ElectronCutMeV">One e± production cut for all materials, MeV; null = the per-material convention.</param>
/// <param name="GammaCutMeV">γ production cut, MeV.</param>
/// <param name="FastSwitchGeV">Fast mode's E_switch, GeV; null = analog transport.</param>
/// <param name="Msc">Multiple-scattering step (<c>--msc</c>): mean-projection, presta-ii or random-hinge.</param>
/// <param name="MuonPairFactor">γ → μ⁺μ⁻ cross-section factor (<c>--muon-pair-factor</c>); 0 = the process is off.</param>
/// <param name="MscDisplacement">Lateral displacement of scattering steps (<c>--msc-displacement</c>): everywhere or near-boundaries.</param>
internal sealed record ShowerInputs(string Particle, double EnergyGeV, string Geometry, long Events, ulong Seed, double BeamXCm, double BeamYCm,
    double? ElectronCutMeV, double GammaCutMeV, double? FastSwitchGeV, string Msc, double MuonPairFactor = 0, string MscDisplacement = ShowerCommand.DisplacementEverywhere)
{
    /// <summary>Schema of the recorded inputs.</summary>
    public const string Schema = "emiss-shower/1";

    /// <summary>Key/value pairs in card order; a null value means "the default convention".</summary>
    private IEnumerable<(string Key, object? Value)> Pairs() =>
    [
        ("schema", Schema), ("seed", Seed), ("particle", Particle), ("energyGeV", EnergyGeV), ("geometry", Geometry), ("events", Events),
        ("beamXCm", BeamXCm), ("beamYCm", BeamYCm), ("electronCutMeV", ElectronCutMeV), ("gammaCutMeV", GammaCutMeV),
        ("fast", FastSwitchGeV is not null), ("fastSwitchGeV", FastSwitchGeV), ("msc", Msc), ("mscDisplacement", MscDisplacement), ("muonPairFactor", MuonPairFactor),
    ];

    /// <summary>The inputs as a YAML run card (nulls written as "default").</summary>
    public string ToYaml()
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in Pairs())
        {
            string text = value switch
            {
                null => "default",
                bool b => b ? "true" : "false",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString()!,
            };
            sb.Append(key).Append(": ").Append(text).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes the inputs as a JSON object named <paramref name="name"/> (nulls as JSON null).</summary>
    public void WriteJson(Utf8JsonWriter w, string name)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject(name);
        foreach (var (key, value) in Pairs())
        {
            switch (value)
            {
                case null: w.WriteNull(key); break;
                case bool b: w.WriteBoolean(key, b); break;
                case double d: w.WriteNumber(key, d); break;
                case long l: w.WriteNumber(key, l); break;
                case ulong u: w.WriteNumber(key, u); break;
                default: w.WriteString(key, value.ToString()); break;
            }
        }
        w.WriteEndObject();
    }
}
