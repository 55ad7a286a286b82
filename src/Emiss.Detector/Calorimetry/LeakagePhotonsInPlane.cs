using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Shower.Processes.Compton;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Signal of a thin plastic plane behind the ECAL (V2) from the EM energy that flows out of the ECAL's back. Past
/// ≈ 30 X0 that energy is carried almost only by photons of a few MeV, near the minimum of the attenuation coefficient
/// (the shower engine, 10–50 GeV e⁻ in the NA64 Pb/Sc ECAL: 0.2–1.8 photons per shower leave its back, against
/// 0.005–0.03 charged particles), and such a photon fires the plane only if it Compton-scatters there: a few per cent
/// of them in 1 cm of plastic. The profile's continuous energy in the plane's 0.02 X0 cannot represent that; this
/// draws the photons instead (docs/physics/calorimeter-parametrised.md#v2-behind-the-ecal):
/// <list type="bullet">
/// <item>their number is Poisson with mean (energy flowing into the plane) / their mean energy (default
/// <see cref="MeanPhotonEnergyGeV"/>, card key <c>ecal.backLeakPhotonMeanMeV</c>);</item>
/// <item>each has an energy from a Gamma(2) spectrum of that mean and crosses the plane with the path
/// obliquity × thickness (default <see cref="MeanObliquity"/>, card key <c>ecal.backLeakPhotonObliquity</c>);</item>
/// <item>it Compton-scatters with the Klein–Nishina cross section on the plane's electrons (pair production, ≤ 5 % of the
/// attenuation at 5 MeV in carbon, NIST XCOM, and the photoeffect are neglected), and the recoil electron
/// deposits its kinetic energy, at most its minimum-ionising loss over its winding way out of the plane
/// (<see cref="ComptonDepositGeV"/>).</item>
/// </list>
/// The mean energy, spectrum shape and obliquity were measured on the shower engine's photons leaving the NA64 Pb/Sc
/// ECAL (2026-12-05; 800, 600 and 400 e⁻ of 10, 30 and 50 GeV): mean 2.23, 2.46, 2.47 MeV, median 1.88–1.91 MeV (a
/// Gamma(2) of mean 2.4 MeV has its median at 2.0 MeV), ⟨1/cos θ⟩ 1.23, 1.29, 1.22; <c>emiss study ecal-leakage</c> measures
/// them for any set-up card's ECAL. Without allocation; thread-safe.
/// </summary>
public sealed class LeakagePhotonsInPlane
{
    /// <summary>Mean energy of the photons leaving the ECAL's back, GeV (shower engine, NA64 Pb/Sc ECAL, 10–50 GeV e⁻).</summary>
    public const double MeanPhotonEnergyGeV = 2.4e-3;

    /// <summary>Mean 1/cos θ of those photons at the ECAL's back (same measurement).</summary>
    public const double MeanObliquity = 1.25;

    /// <summary>Path of an MeV recoil electron per unit of its straight-line way out of the plane: multiple scattering
    /// makes the track wind, so it loses more before leaving. 1.3 is the inverse of a detour factor (mean penetration
    /// depth / CSDA range) of ≈ 0.77, the order of magnitude ICRU Report 37 gives for MeV electrons in low-Z media; with
    /// 1.0 the one-photon mean deposit is 12–17 % below the engine's, with 1.6 up to 23 % above
    /// (LeakagePhotonsInPlaneTests).</summary>
    public const double DetourFactor = 1.3;

    /// <summary>Photons drawn at most; a larger Poisson count scales the drawn photons' sum. Reached only when a shower's
    /// core, not its tail, flows into the plane (≳ 150 MeV), where the plane fires anyway.</summary>
    private const int MaxDrawnPhotons = 64;

    private readonly double _electronsPerCm3, _mipGeVPerCm, _meanPhotonGeV, _obliquity;

    /// <summary>The plane's material (for its electron density and minimum-ionising loss) and the leaking photons' mean
    /// energy, GeV, and mean 1/cos θ.</summary>
    public LeakagePhotonsInPlane(Material plane, double meanPhotonEnergyGeV = MeanPhotonEnergyGeV, double meanObliquity = MeanObliquity)
    {
        ArgumentNullException.ThrowIfNull(plane);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanPhotonEnergyGeV);
        ArgumentOutOfRangeException.ThrowIfLessThan(meanObliquity, 1.0);
        _electronsPerCm3 = plane.ElectronDensityPerCm3;
        _mipGeVPerCm = plane.DensityGPerCm3 * plane.MinimumIonisationGeVCm2PerG;
        _meanPhotonGeV = meanPhotonEnergyGeV;
        _obliquity = meanObliquity;
    }

    /// <summary>Energy deposited in a plane of <paramref name="thicknessCm"/> by the photons that carry
    /// <paramref name="flowGeV"/> into it, MeV.</summary>
    public double DepositMeV(double flowGeV, double thicknessCm, ref EventRng rng)
    {
        if (!(flowGeV > 0) || !(thicknessCm > 0)) return 0;
        int photons = rng.NextPoisson(flowGeV / _meanPhotonGeV);
        if (photons == 0) return 0;
        int drawn = Math.Min(photons, MaxDrawnPhotons);
        double path = _obliquity * thicknessCm, gev = 0;
        for (int i = 0; i < drawn; i++) gev += OnePhotonGeV(path, ref rng);
        return gev * photons / drawn * 1e3;
    }

    /// <summary>Energy one leaking photon deposits on a path of <paramref name="pathCm"/> through the plane, GeV.</summary>
    internal double OnePhotonGeV(double pathCm, ref EventRng rng)
    {
        // Gamma(2) with mean ⟨k⟩: the sum of two exponentials of mean ⟨k⟩/2.
        double k = 0.5 * _meanPhotonGeV * (rng.NextExponential() + rng.NextExponential());
        return ComptonDepositGeV(k, pathCm, ref rng);
    }

    /// <summary>Energy a photon of <paramref name="kGeV"/> deposits on a path of <paramref name="pathCm"/> through the
    /// plane: the Compton recoil's kinetic energy T, if it scatters, capped by its minimum-ionising loss on its way out
    /// — from a uniformly distributed scattering point (the interaction probability is ≪ 1), the rest of the path
    /// divided by the recoil's cos θ_e = (k + m)/k · √(T/(T + 2m)) relative to the photon, times
    /// <see cref="DetourFactor"/>. GeV.</summary>
    internal double ComptonDepositGeV(double kGeV, double pathCm, ref EventRng rng)
    {
        double mu = _electronsPerCm3 * KleinNishinaXsCalculator.CrossSectionPerElectronCm2(kGeV);
        if (rng.NextDouble() >= -double.ExpM1(-mu * pathCm)) return 0;
        double t = kGeV * (1 - KleinNishinaSampler.Sample(kGeV, ref rng).Epsilon);
        if (!(t > 0)) return 0;
        const double m = PhysicalConstants.ElectronMassGeV;
        double cosE = Math.Min(1.0, (kGeV + m) / kGeV * Math.Sqrt(t / (t + 2 * m)));
        double rest = rng.NextDouble() * pathCm;
        return Math.Min(t, _mipGeVPerCm * DetourFactor * rest / Math.Max(cosE, 1e-3));
    }
}
