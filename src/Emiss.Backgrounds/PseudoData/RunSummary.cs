using System.Globalization;
using System.Text;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>What a finished pseudo-data run left behind (kept in the work directory, so a resumed campaign can report
/// it without regenerating the run).</summary>
public sealed record RunSummary(string Run, double ElectronsOnTarget, double BeamParticles, long RecordedEvents, long ReferenceGenerated,
                                double CalibrationTriggerFraction, IReadOnlyList<SourceTally> Tallies)
{
    /// <summary>The summary of a generated run.</summary>
    public static RunSummary Of(RunOutput o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Run.Name, o.Run.ElectronsOnTarget, o.BeamParticles, o.RecordedEvents, o.ReferenceGenerated, o.CalibrationTriggerFraction, o.Tallies);
    }

    /// <summary>A line-based text form (first line: run fields; then one line per source).</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"{Run},{ElectronsOnTarget:R},{BeamParticles:R},{RecordedEvents},{ReferenceGenerated},{CalibrationTriggerFraction:R}\n"));
        foreach (SourceTally t in Tallies)
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"{t.Source},{t.ProcessCode},{t.RatePerEot:R},{t.ExpectedEvents:R},{t.Generated},{t.PhysicsTriggered},{t.Skimmed},{t.Recorded},{t.Simulated},{t.Weight:R}\n"));
        return sb.ToString();
    }

    /// <summary>Parses <see cref="Format"/>'s output.</summary>
    public static RunSummary Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] h = lines[0].Split(',');
        var ci = CultureInfo.InvariantCulture;
        var tallies = lines.Skip(1).Select(l => l.Split(',')).Select(f => new SourceTally(f[0], int.Parse(f[1], ci), double.Parse(f[2], ci), double.Parse(f[3], ci),
            long.Parse(f[4], ci), long.Parse(f[5], ci), long.Parse(f[6], ci), long.Parse(f[7], ci)) { Simulated = long.Parse(f[8], ci), Weight = double.Parse(f[9], ci) }).ToList();
        return new RunSummary(h[0], double.Parse(h[1], ci), double.Parse(h[2], ci), long.Parse(h[3], ci), long.Parse(h[4], ci), double.Parse(h[5], ci), tallies);
    }
}
