using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// Step-independent multiple scattering after Urban (CERN-OPEN-2006-077; Geant4 G4UrbanMscModel):
/// <list type="bullet">
/// <item>λ1(E) tabulated per species and material from <see cref="TransportCrossSection"/> (screened Rutherford with
/// Molière screening and a McKinley–Feshbach Mott factor), so ⟨cos θ⟩ = e^{−t/λ1} composes exactly over steps;
/// over a step with energy loss τ = t ln(λ0/λ_end)/(λ0 − λ_end) (λ1 linear in the path).</item>
/// <item>cos θ from <see cref="UrbanAngularDistribution"/> (core + single-scattering tail + isotropic part).</item>
/// <item>Lateral displacement correlated with the deflection as in PDG eq. 34.20–34.22 (x = tθ_x/2 + tθ0 ζ/√12 per
/// plane, correlation √3/2 for Gaussian angles), with the sampled deflection (core or tail) in place of the Gaussian
/// plane angle, so that a single hard scatter displaces by half the step along its own direction; capped at √(t² − z²),
/// the largest displacement compatible with the geometric advance z.</item>
/// </list>
/// The positron-specific θ0 correction of Geant4 is not applied (e⁺ use the e⁻ width and their own λ1).
/// </summary>
public sealed class UrbanScattering : IMultipleScattering
{
    private const double InvSqrt12 = 0.28867513459481287;
    private const double LowEnergyGeV = 5e-6;       // below, the minimum step shrinks with energy (Geant4 "tlow")
    private const double TlimitMinFixCm = 1e-9;     // 0.01 nm floor on the minimum step (Geant4)
    private readonly EnergyGrid _grid;
    private readonly double[][] _lambda1;           // [species] → [material × grid] λ1, cm (empty for photons)
    private readonly UrbanMaterialParameters[] _params;

    /// <summary>Tabulates λ1 for every charged species and material of <paramref name="materials"/> on <paramref name="grid"/>.</summary>
    public UrbanScattering(ShowerMaterialSet materials, EnergyGrid grid)
    {
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentNullException.ThrowIfNull(grid);
        _grid = grid;
        _params = [.. materials.Materials.Select(m => new UrbanMaterialParameters(m))];
        int ng = grid.Count, nm = materials.Count;
        _lambda1 = new double[ShowerSpeciesInfo.Count][];
        for (int s = 0; s < ShowerSpeciesInfo.Count; s++)
        {
            var type = (ShowerSpecies)s;
            if (!ShowerSpeciesInfo.IsCharged(type)) { _lambda1[s] = []; continue; }
            double mass = ShowerSpeciesInfo.MassGeV(type);
            bool negative = type is ShowerSpecies.Electron or ShowerSpecies.MuonMinus;
            _lambda1[s] = new double[nm * ng];
            for (int m = 0; m < nm; m++)
                for (int g = 0; g < ng; g++)
                    _lambda1[s][m * ng + g] = TransportCrossSection.Lambda1Cm(materials.Materials[m], grid.EnergiesGeV[g], mass, negative);
        }
    }

    /// <summary>Urban's constants of material <paramref name="material"/>.</summary>
    public UrbanMaterialParameters Parameters(int material) => _params[material];

    /// <inheritdoc />
    public double MaxReachPerRange(ShowerSpecies type, int material) =>
        type is ShowerSpecies.Electron or ShowerSpecies.Positron ? _params[material].ElectronReachPerRange : _params[material].HeavyReachPerRange;

    /// <inheritdoc />
    public double Lambda1Cm(ShowerSpecies type, int material, double lnKineticGeV) =>
        _grid.Interpolate(_lambda1[(int)type].AsSpan(material * _grid.Count, _grid.Count), lnKineticGeV);

    /// <inheritdoc />
    public double Lambda1Cm(ShowerSpecies type, int material, GridPoint at) =>
        EnergyGrid.Interpolate(_lambda1[(int)type].AsSpan(material * _grid.Count, _grid.Count), at);

    /// <inheritdoc />
    /// <remarks>Elastic step λ1 · 10⁻³/(T(10 + T)), T in MeV (λ_el/λ1 estimated for a screened Rutherford law, Urban
    /// sect. 4); minimum step 0.87 Z^{2/3} (e⁺: 0.7 √Z) elastic steps, halved and scaled with T below 5 keV.</remarks>
    public ScatteringScales Scales(ShowerSpecies type, int material, double kineticGeV, double lambda1Cm)
    {
        double tMeV = 1e3 * kineticGeV;
        double elastic = lambda1Cm * 1e-3 / (tMeV * (10.0 + tMeV));
        UrbanMaterialParameters p = _params[material];
        double min = (type == ShowerSpecies.Positron ? 0.7 * p.SqrtZ : 0.87 * p.Z23) * elastic;
        if (kineticGeV < LowEnergyGeV) min *= 0.5 * kineticGeV / LowEnergyGeV;
        return new ScatteringScales(elastic, Math.Max(min, TlimitMinFixCm));
    }

    /// <inheritdoc />
    public ScatteringSample Sample(in ScatteringStep scatteringStep, ref EventRng rng)
    {
        double t = scatteringStep.TrueCm, l0 = scatteringStep.Lambda1StartCm, l1 = scatteringStep.Lambda1EndCm;
        double tau = t / l0;
        if (Math.Abs(l1 - l0) > 0.01 * l0 && l1 > 0) tau = t * Math.Log(l0 / l1) / (l0 - l1);
        UrbanMaterialParameters p = _params[scatteringStep.Material];
        double mass = ShowerSpeciesInfo.MassGeV(scatteringStep.Type);
        // Below the smallest modelled step the width scales as √t from that step (Urban: "extreme small step").
        double tSmall = Math.Min(scatteringStep.MinimumStepCm, 0.1);
        double theta0, tauTail;
        if (t > tSmall)
        {
            theta0 = UrbanAngularDistribution.Theta0(p, t, scatteringStep.KineticStartGeV, scatteringStep.KineticEndGeV, mass);
            tauTail = tau;
        }
        else
        {
            theta0 = Math.Sqrt(t / tSmall) * UrbanAngularDistribution.Theta0(p, tSmall, scatteringStep.KineticStartGeV, scatteringStep.KineticEndGeV, mass);
            tauTail = tSmall / l0;
        }
        double relLoss = 1.0 - scatteringStep.KineticEndGeV / scatteringStep.KineticStartGeV;
        double cosT = UrbanAngularDistribution.SampleCosTheta(p, tau, theta0, tauTail, t / tau, relLoss, ref rng);
        cosT = Math.Clamp(cosT, -1.0, 1.0);
        double sinT = Math.Sqrt((1.0 - cosT) * (1.0 + cosT));
        double phi = 2.0 * Math.PI * rng.NextDouble();
        (double sinPhi, double cosPhi) = Math.SinCos(phi);
        double dx = 0, dy = 0;
        double z = scatteringStep.GeometricCm;
        if (scatteringStep.Displace && t > z)
        {
            // PDG eq. 34.20–34.22 with the sampled deflection in place of the Gaussian plane angle: half the step along
            // the deflection plus an independent part of width tθ0/√12 per plane, capped at the geometric maximum √(t² − z²).
            (double g1, double g2) = rng.NextGaussianPair();
            double indep = t * Math.Min(theta0, 1.0) * InvSqrt12;
            dx = 0.5 * t * sinT * cosPhi + indep * g1;
            dy = 0.5 * t * sinT * sinPhi + indep * g2;
            double r2 = dx * dx + dy * dy, rMax2 = (t - z) * (t + z);
            if (r2 > rMax2)
            {
                double f = Math.Sqrt(rMax2 / r2);
                dx *= f;
                dy *= f;
            }
        }
        return new ScatteringSample(cosT, sinT, cosPhi, sinPhi, dx, dy);
    }
}
