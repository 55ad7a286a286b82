namespace Emiss.Backgrounds.Sources;

/// <summary>Rate of a source's defining process per electron on target.</summary>
/// <param name="PerEot">Expected events per EOT.</param>
/// <param name="RelativeSystematic">Relative systematic uncertainty of the rate (e.g. a cross section known to 30 %).</param>
/// <param name="Derivation">One line: how the rate follows from the physics inputs (printed in metadata and reports).</param>
public readonly record struct SourceRate(double PerEot, double RelativeSystematic, string Derivation)
{
    /// <summary>Checks the rate is usable.</summary>
    public SourceRate Validated(string source)
    {
        if (!(PerEot >= 0) || double.IsInfinity(PerEot) || PerEot > 1)
            throw new InvalidOperationException($"source {source}: rate per EOT {PerEot} outside [0, 1]");
        if (!(RelativeSystematic >= 0) || double.IsInfinity(RelativeSystematic))
            throw new InvalidOperationException($"source {source}: relative systematic {RelativeSystematic} is not a non-negative number");
        return this;
    }
}
