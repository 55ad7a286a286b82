using Emiss.Core.Materials;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Radiative energy loss of muons, ⟨dE/dx⟩_rad = b(E)·E with b = b_brems + b_pair + b_nucl
/// (docs/physics/muon-pairs.md#muon-transport-in-the-calorimeters): the loss components in the format of Groom, Mokhov,
/// Striganov, ADNDT 78 (2001) 183, as tabulated for Pb and Fe in niess/pumas-materials (dedx/muon/lead.txt, iron.txt;
/// kinetic energies 2.5–200 GeV, log-log interpolation, extrapolated with the end slopes); other materials scale the table
/// of the nearer of Pb and Fe by Z(Z + 1)/A. The split used by both muon transports (the parametrised calorimeter's and the
/// shower engine's): pair production and the part of bremsstrahlung and photonuclear losses below v = ε/E = <see cref="VCut"/>
/// are continuous; harder bremsstrahlung and photonuclear losses are sampled one by one with the energy-weighted spectrum
/// v·dN/dv ∝ g(v) = 4/3(1 − v) + v² (complete-screening bremsstrahlung, used for the photonuclear part too).
/// </summary>
public static class MuonRadiativeLoss
{
    /// <summary>Boundary between continuous and sampled bremsstrahlung/photonuclear losses, in v = ε/E.</summary>
    public const double VCut = 0.01;

    /// <summary>∫_0^v_cut g(v) dv with ∫_0^1 g = 1: the share of the bremsstrahlung and photonuclear loss that is continuous.</summary>
    public static readonly double SoftFraction = 4.0 / 3.0 * VCut - 2.0 / 3.0 * VCut * VCut + VCut * VCut * VCut / 3.0;

    /// <summary>∫_v_cut^1 g(v)/v dv: hard losses per unit of (b_brems + b_nucl)·X.</summary>
    public static readonly double HardCountIntegral = 4.0 / 3.0 * (-Math.Log(VCut) - (1 - VCut)) + (1 - VCut * VCut) / 2.0;

    // Kinetic energy grid (GeV) and loss components (MeV cm²/g) at those energies: brems, pair, photonuclear.
    private static readonly double[] GridGeV = [2.5, 5, 10, 20, 50, 100, 200];

    private static readonly double[][] Lead =
    [
        [5.610e-3, 1.387e-2, 3.359e-2, 7.944e-2, 2.392e-1, 5.366e-1, 1.180],
        [3.976e-3, 1.318e-2, 3.857e-2, 1.030e-1, 3.403e-1, 7.905e-1, 1.762],
        [3.576e-4, 1.195e-3, 2.923e-3, 6.268e-3, 1.559e-2, 3.053e-2, 6.024e-2],
    ];

    private static readonly double[][] Iron =
    [
        [2.387e-3, 5.837e-3, 1.401e-2, 3.296e-2, 9.887e-2, 2.218e-1, 4.885e-1],
        [1.509e-3, 5.039e-3, 1.490e-2, 4.016e-2, 1.344e-1, 3.158e-1, 7.114e-1],
        [3.669e-4, 1.250e-3, 3.109e-3, 6.763e-3, 1.710e-2, 3.384e-2, 6.734e-2],
    ];

    /// <summary>A material's table and its Z(Z + 1)/A scale.</summary>
    public readonly record struct Table(double[][] Components, double Scale);

    /// <summary>The table of <paramref name="material"/>: Pb's or Fe's, scaled by Z(Z + 1)/A from the nearer of the two.</summary>
    public static Table For(Material material)
    {
        ArgumentNullException.ThrowIfNull(material);
        ElementComponent el = material.DominantElement;
        static double Zf(double z, double a) => z * (z + 1) / a;
        double zEff = 0, aEff = 0;
        foreach (ElementComponent c in material.Elements) { zEff += c.MassFraction * c.Z; aEff += c.MassFraction * c.AGramsPerMol; }
        bool nearLead = Math.Abs(el.Z - 82) < Math.Abs(el.Z - 26);
        if (material.IsElement && el.Z == 82) return new Table(Lead, 1.0);
        if (material.IsElement && el.Z == 26) return new Table(Iron, 1.0);
        return nearLead ? new Table(Lead, Zf(zEff, aEff) / Zf(82, 207.2)) : new Table(Iron, Zf(zEff, aEff) / Zf(26, 55.845));
    }

    /// <summary>Loss components (brems, pair, photonuclear) at kinetic energy T, GeV cm²/g.</summary>
    public static (double Brems, double Pair, double Nuclear) Components(Table table, double kineticGeV)
    {
        double[][] t = table.Components;
        double tk = Math.Max(kineticGeV, 1e-3);
        int i = 0;
        while (i < GridGeV.Length - 2 && tk > GridGeV[i + 1]) i++;
        double f = Math.Log(tk / GridGeV[i]) / Math.Log(GridGeV[i + 1] / GridGeV[i]);
        double scale = table.Scale;
        double Interp(double[] y) => Math.Exp(Math.Log(y[i]) + f * Math.Log(y[i + 1] / y[i])) * scale * 1e-3;
        return (Interp(t[0]), Interp(t[1]), Interp(t[2]));
    }

    /// <summary>Loss components of a muon of kinetic energy T in <paramref name="material"/>, GeV cm²/g.</summary>
    public static (double Brems, double Pair, double Nuclear) Components(Material material, double kineticGeV) =>
        Components(For(material), kineticGeV);

    /// <summary>v on [v_cut, 1] with density ∝ g(v)/v: log-uniform proposal, acceptance g(v)/g(v_cut) (g falls on
    /// [0, 2/3] and g(1) = 1 &lt; g(v_cut), so g(v_cut) bounds it).</summary>
    public static double SampleV(ref EventRng rng)
    {
        double gMax = G(VCut), lnRange = -Math.Log(VCut);
        while (true)
        {
            double v = VCut * Math.Exp(lnRange * rng.NextDouble());
            if (rng.NextDouble() * gMax < G(v)) return v;
        }
    }

    private static double G(double v) => 4.0 / 3.0 * (1 - v) + v * v;
}
