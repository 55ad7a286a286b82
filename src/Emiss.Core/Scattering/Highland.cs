namespace Emiss.Core.Scattering;

/// <summary>
/// The Highland width of multiple Coulomb scattering for a singly charged particle (PDG 2024, "Passage of
/// particles through matter", eq. 34.15; Highland, NIM 129, 497 (1975); Lynch &amp; Dahl, NIM B 58, 6 (1991)):
/// θ0 = 13.6 MeV/(βcp) √(x/X0) [1 + 0.038 ln(x/(X0β²))], the rms of the projected angle. The one θ0 used by the
/// shower's multiple scattering and by the beam-line transport.
/// </summary>
public static class Highland
{
    /// <summary>
    /// θ0 in rad for βcp = <paramref name="betaMomentumGeV"/> (GeV), β² = <paramref name="betaSquared"/> and a
    /// thickness of <paramref name="xOverX0"/> radiation lengths (&gt; 0).
    /// </summary>
    /// <remarks>The formula is quoted for 1e-3 ≲ x/X0 ≲ 100; below x/X0 ≈ 1e-8 its bracket would turn
    /// negative, so it is held at 0.3 there to keep θ0 positive.</remarks>
    public static double Theta0Rad(double betaMomentumGeV, double betaSquared, double xOverX0)
    {
        double corr = 1.0 + 0.038 * Math.Log(xOverX0 / betaSquared);
        if (corr < 0.3) corr = 0.3;
        return 0.0136 / betaMomentumGeV * Math.Sqrt(xOverX0) * corr;
    }
}
