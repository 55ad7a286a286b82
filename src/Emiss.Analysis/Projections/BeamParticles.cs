namespace Emiss.Analysis.Projections;

/// <summary>Names of <see cref="BeamParticle"/> as they appear on the command line and in projection.csv.</summary>
public static class BeamParticles
{
    /// <summary>"e-" or "e+".</summary>
    public static string Label(this BeamParticle particle) => particle switch
    {
        BeamParticle.Electron => "e-",
        BeamParticle.Positron => "e+",
        _ => throw new ArgumentOutOfRangeException(nameof(particle), particle, "unknown beam particle"),
    };

    /// <summary>The particle of a label ("e-", "e+"), null when unknown.</summary>
    public static BeamParticle? Parse(string label) => label switch
    {
        "e-" => BeamParticle.Electron,
        "e+" => BeamParticle.Positron,
        _ => null,
    };
}
