namespace Emiss.Core.Materials;

/// <summary>
/// Sternheimer density-effect parameters (PDG "Passage of particles through matter", eq. 34.7;
/// values from the PDG Atomic and Nuclear Properties tables). With X = log10(βγ):
/// δ = 2 ln10 X − C̄ (X ≥ x1); + a(x1 − X)^k (x0 ≤ X &lt; x1); δ0·10^{2(X − x0)} (X &lt; x0).
/// </summary>
/// <param name="CBar">C̄.</param>
/// <param name="X0">x0.</param>
/// <param name="X1">x1.</param>
/// <param name="A">a.</param>
/// <param name="K">k.</param>
/// <param name="Delta0">δ0 (conductors only).</param>
public sealed record SternheimerParameters(double CBar, double X0, double X1, double A, double K, double Delta0)
{
    /// <summary>The density-effect correction δ at a given βγ.</summary>
    public double Delta(double betaGamma)
    {
        double x = Math.Log10(betaGamma);
        if (x >= X1) return 2.0 * Math.Log(10.0) * x - CBar;
        if (x >= X0) return 2.0 * Math.Log(10.0) * x - CBar + A * Math.Pow(X1 - x, K);
        return Delta0 * Math.Pow(10.0, 2.0 * (x - X0));
    }
}
