namespace Emiss.Reporting.Workspace;

/// <summary>One measurement of the pyhf workspace: the signal hypothesis at one mass.</summary>
/// <param name="Name">Measurement name in the workspace (<c>pyhf cls workspace.json --measurement NAME</c>).</param>
/// <param name="MassMeV">A′ mass in MeV.</param>
/// <param name="Poi">Name of the normfactor that scales this mass's signal (the parameter of interest).</param>
/// <param name="SignalSample">Name of the signal sample of this mass in every channel.</param>
/// <param name="ReferenceEpsilon">ε at which the signal sample holds its yields: ε = ReferenceEpsilon·√μ.</param>
public sealed record PyhfMeasurement(string Name, double MassMeV, string Poi, string SignalSample, double ReferenceEpsilon)
{
    /// <summary>The coupling that a signal strength <paramref name="mu"/> corresponds to (yield ∝ ε²).</summary>
    public double EpsilonAt(double mu) => ReferenceEpsilon * Math.Sqrt(mu);
}
