using Emiss.Core.Constants;
using Emiss.Core.Materials;

namespace Emiss.Physics.FormFactors;

/// <summary>
/// Tsai's nuclear + atomic form factors G₂(t) for one element (Tsai, RMP 46, 815 (1974), Eqs. B38–B49;
/// Kim &amp; Tsai, PRD 8, 3109 (1973); BEST App. A; docs/physics/form-factors.md#tsai-form-factors). t = −q² &gt; 0 in GeV².
/// <code>
/// G2_el(t)   = Z² [a²t/(1+a²t)]² [1/(1+t/d)]²,          a = 111 Z^(−1/3)/m_e,  d = 0.164 GeV² A^(−2/3)
/// G2_inel(t) = Z [a′²t/(1+a′²t)]² [(1 + t(μ_p²−1)/(4m_p²)) / (1 + t/0.71 GeV²)⁴]²,   a′ = 773 Z^(−2/3)/m_e
/// </code>
/// The proton factor is squared, as Tsai writes it (PETITE omits the square).
/// </summary>
public readonly record struct TsaiFormFactor
{
    /// <summary>Creates the form factor of an element with atomic number <paramref name="z"/> and mass number <paramref name="a"/>.</summary>
    public TsaiFormFactor(int z, double a, FormFactorChoice choice)
    {
        if (z < 1) throw new ArgumentOutOfRangeException(nameof(z), z, "atomic number must be ≥ 1");
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "mass number must be > 0");
        Z = z;
        A = a;
        Choice = choice;
        double me = PhysicalConstants.ElectronMassGeV;
        double aScreen = 111.0 * Math.Pow(z, -1.0 / 3.0) / me;
        double aPrime = 773.0 * Math.Pow(z, -2.0 / 3.0) / me;
        ScreeningT = 1.0 / (aScreen * aScreen);
        NuclearT = 0.164 * Math.Pow(a, -2.0 / 3.0);
        InelasticScreeningT = 1.0 / (aPrime * aPrime);
    }

    /// <summary>Builds the form factor of an element of a material (Z and A = molar mass in g/mol).</summary>
    public static TsaiFormFactor For(ElementComponent element, FormFactorChoice choice)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new TsaiFormFactor(element.Z, element.AGramsPerMol, choice);
    }

    /// <summary>Atomic number.</summary>
    public int Z { get; }

    /// <summary>Mass number (molar mass, g/mol).</summary>
    public double A { get; }

    /// <summary>Whether the inelastic term is included.</summary>
    public FormFactorChoice Choice { get; }

    /// <summary>t_a = 1/a², the atomic-screening scale, GeV².</summary>
    public double ScreeningT { get; }

    /// <summary>t_d = d, the nuclear-size scale, GeV².</summary>
    public double NuclearT { get; }

    /// <summary>1/a′², the inelastic screening scale, GeV².</summary>
    public double InelasticScreeningT { get; }

    /// <summary>Nucleus mass M = A × u, GeV (docs/physics/units-and-constants.md#derived-quantities).</summary>
    public double NucleusMassGeV => A * PhysicalConstants.AtomicMassUnitGeV;

    /// <summary>True when the inelastic term is included.</summary>
    public bool IncludesInelastic => Choice == FormFactorChoice.ElasticAndInelastic;

    /// <summary>Elastic G₂(t), t in GeV².</summary>
    public double Elastic(double t)
    {
        double s = t / (ScreeningT + t);       // a²t/(1+a²t)
        double n = NuclearT / (NuclearT + t);  // 1/(1+t/d)
        return (double)Z * Z * s * s * n * n;
    }

    /// <summary>Inelastic G₂(t), t in GeV² (squared proton factor).</summary>
    public double Inelastic(double t)
    {
        const double mp = PhysicalConstants.ProtonMassGeV, mu = PhysicalConstants.ProtonMagneticMoment;
        double s = t / (InelasticScreeningT + t);
        double d = 1.0 + t / 0.71;
        double d2 = d * d;
        double p = (1.0 + t * (mu * mu - 1.0) / (4.0 * mp * mp)) / (d2 * d2);
        return Z * s * s * p * p;
    }

    /// <summary>G₂(t) = elastic (+ inelastic when <see cref="Choice"/> includes it), t in GeV².</summary>
    public double G2(double t) => IncludesInelastic ? Elastic(t) + Inelastic(t) : Elastic(t);
}
