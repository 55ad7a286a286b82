using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Materials;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Fluctuations of the continuous (restricted) ionisation loss along a step: Urban's model as in Geant4 11
/// G4UniversalFluctuation (L. Urban, CERN-OPEN-2006-077 / Geant4 Physics Reference Manual §"Fluctuations in energy
/// loss"; the Glandz model of GEANT3, PHYS332). The atom is reduced to one excitation level e₁ = I (mean excitation
/// energy) and the δ-ray continuum from e₀ = 10 eV to the cut T_c with a 1/E² spectrum: a fraction r = 0.56 of the
/// mean loss goes to ionisation, the rest to excitations. Poisson numbers of collisions give the Landau-like
/// asymmetric distribution of thin layers (docs/physics/ionisation.md#energy-loss-fluctuations). Heavy particles
/// with many collisions per step (mean loss ≥ 10 T_c and T_max ≤ 2 T_c) use Bohr's Gaussian, or a Γ distribution when
/// the Gaussian would reach zero.
/// </summary>
public sealed class UrbanFluctuation
{
    private const double MinLossGeV = 1e-8;          // 10 eV: below, the mean loss is returned (G4 minLoss)
    private const double E0GeV = 1e-8;               // 10 eV: lowest ionisation energy (G4 e0 = GetEnergy0fluct)
    private const double Rate = 0.56;                // ionisation share of the mean loss
    private const double Fw = 4.0;                   // width parameter of the excitation level
    private const double A0 = 42.0;                  // excitation count above which Fw applies in full
    private const double NMaxCont = 8.0;             // collisions above which a Poisson sum is replaced by a Gaussian
    private const double MinInteractionsBohr = 10.0;

    private readonly double _ipotGeV, _electronDensityPerCm3;
    private readonly double _cutGeV, _lnCutOverE0;

    /// <summary>Builds the model for one material; <paramref name="electronCutGeV"/> (optional) is the e± production cut,
    /// which is T_c for every e± step above twice the cut: ln(T_c/e₀) is then taken from here instead of computed per step
    /// (the same expression, so the same bits).</summary>
    public UrbanFluctuation(Material material, double electronCutGeV = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(material);
        _ipotGeV = material.MeanExcitationEnergyGeV;
        _electronDensityPerCm3 = material.ElectronDensityPerCm3;
        _cutGeV = electronCutGeV;
        _lnCutOverE0 = Math.Log(electronCutGeV / E0GeV);
    }

    /// <summary>Largest energy transfer to an atomic electron: T/2 for e⁻ (identical particles), T for e⁺, and
    /// W_max (<see cref="MuonStoppingPower.MaxTransferGeV"/>, PDG eq. 34.4) for heavier particles, GeV.</summary>
    public static double MaxTransferGeV(ShowerSpecies type, double kineticGeV, double massGeV) => type switch
    {
        ShowerSpecies.Electron => 0.5 * kineticGeV,
        ShowerSpecies.Positron => kineticGeV,
        _ => MuonStoppingPower.MaxTransferGeV(kineticGeV, massGeV),
    };

    /// <summary>
    /// Samples the actual loss of a step whose mean continuous loss is <paramref name="meanLossGeV"/>.
    /// </summary>
    /// <param name="meanLossGeV">Mean (restricted) loss along the step, GeV.</param>
    /// <param name="kineticGeV">Kinetic energy at the start of the step, GeV.</param>
    /// <param name="massGeV">Particle mass, GeV.</param>
    /// <param name="tcutGeV">Largest energy transfer included in the continuous loss (min(cut, T_max)), GeV.</param>
    /// <param name="tmaxGeV">Kinematic maximum energy transfer to an electron, GeV.</param>
    /// <param name="stepCm">Step length, cm.</param>
    /// <param name="rng">Event random stream.</param>
    public double Sample(double meanLossGeV, double kineticGeV, double massGeV, double tcutGeV, double tmaxGeV,
        double stepCm, ref EventRng rng)
    {
        if (meanLossGeV < MinLossGeV) return meanLossGeV;
        double gam = kineticGeV / massGeV + 1.0, beta2 = 1.0 - 1.0 / (gam * gam);
        if (massGeV > PhysicalConstants.ElectronMassGeV && meanLossGeV >= MinInteractionsBohr * tcutGeV && tmaxGeV <= 2.0 * tcutGeV)
            return SampleBohr(meanLossGeV, beta2, tcutGeV, tmaxGeV, stepCm, ref rng);
        if (tcutGeV <= E0GeV) return meanLossGeV;
        // Width correction for small cuts (G4: scaling = min(1 + 0.5 keV/T_c, 1.5)).
        double scaling = Math.Min(1.0 + 0.5e-6 / tcutGeV, 1.5);
        return SampleGlandz(meanLossGeV / scaling, tcutGeV, ref rng) * scaling;
    }

    private double SampleGlandz(double meanLoss, double tcut, ref EventRng rng)
    {
        double a1 = 0.0, e1 = _ipotGeV;
        if (tcut > e1)
        {
            a1 = meanLoss * (1.0 - Rate) / e1;
            double fwNow = a1 < A0 ? 0.1 + (Fw - 0.1) * Math.Sqrt(a1 / A0) : Fw;
            a1 /= fwNow;
            e1 *= fwNow;
        }
        double w1 = tcut / E0GeV;
        double lnW1 = tcut == _cutGeV ? _lnCutOverE0 : Math.Log(w1);
        double a3 = Rate * meanLoss * (tcut - E0GeV) / (E0GeV * tcut * lnW1);
        if (a1 <= 0.0) a3 /= Rate;

        double loss = 0.0, mean = 0.0, variance = 0.0;
        if (a1 > 0.0)
        {
            if (a1 > NMaxCont) { mean += a1 * e1; variance += a1 * e1 * e1; }
            else
            {
                int p = rng.NextPoisson(a1);
                if (p > 0) loss += (p + 1 - 2.0 * rng.NextDouble()) * e1;
            }
        }
        if (variance > 0.0) loss += TruncatedGauss(mean, variance, ref rng);

        if (a3 > 0.0)
        {
            mean = 0.0;
            variance = 0.0;
            double p3 = a3, alfa = 1.0;
            if (a3 > NMaxCont)
            {
                // The many soft collisions (below alfa·e0) are summed as a Gaussian, the rest sampled one by one.
                alfa = w1 * (NMaxCont + a3) / (w1 * NMaxCont + a3);
                double alfa1 = alfa * Math.Log(alfa) / (alfa - 1.0);
                double nMean = a3 * w1 * (alfa - 1.0) / ((w1 - 1.0) * alfa);
                mean += nMean * E0GeV * alfa1;
                variance += E0GeV * E0GeV * nMean * (alfa - alfa1 * alfa1);
                p3 = a3 - nMean;
            }
            double w3 = alfa * E0GeV;
            if (tcut > w3)
            {
                double w = (tcut - w3) / tcut;
                int n = rng.NextPoisson(p3);
                for (int k = 0; k < n; k++) loss += w3 / (1.0 - w * rng.NextDouble());
            }
            if (variance > 0.0) loss += TruncatedGauss(mean, variance, ref rng);
        }
        return loss;
    }

    /// <summary>Gaussian of the given mean and variance restricted to [0, 2·mean]; uniform on [0, 2·mean] when the
    /// mean is below σ/4 (G4UniversalFluctuation::SampleGauss).</summary>
    private static double TruncatedGauss(double mean, double variance, ref EventRng rng)
    {
        double sigma = Math.Sqrt(variance);
        if (mean < 0.25 * sigma) return mean + (2.0 * rng.NextDouble() - 1.0) * mean;
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double x = mean + sigma * rng.NextGaussian();
            if (x >= 0.0 && x <= 2.0 * mean) return x;
        }
        throw LoopBound.Exceeded("Urban fluctuation Gaussian", LoopBound.SamplerTries, rng, $"mean {mean}, σ {sigma}");
    }

    /// <summary>Bohr's Gaussian σ² = 2π r_e² m_e n_e s (T_max/β² − T_c/2) for thick steps of heavy particles; a Γ
    /// distribution with the same mean and variance when mean/σ &lt; 2 (G4UniversalFluctuation).</summary>
    private double SampleBohr(double meanLoss, double beta2, double tcut, double tmax, double stepCm, ref EventRng rng)
    {
        double re = PhysicalConstants.ClassicalElectronRadiusCm;
        double sigma = Math.Sqrt((tmax / beta2 - 0.5 * tcut) * 2.0 * Math.PI * PhysicalConstants.ElectronMassGeV * re * re
            * stepCm * _electronDensityPerCm3);
        double sn = meanLoss / sigma;
        if (sn >= 2.0) return TruncatedGauss(meanLoss, sigma * sigma, ref rng);
        double nEff = sn * sn;
        return meanLoss * GammaVariate(nEff, ref rng) / nEff;
    }

    /// <summary>Γ(k, 1) variate (Marsaglia and Tsang, ACM TOMS 26, 363 (2000); k &lt; 1 by the boost U^{1/k}).</summary>
    private static double GammaVariate(double k, ref EventRng rng)
    {
        double boost = 1.0;
        if (k < 1.0) { boost = Math.Pow(rng.NextDoubleOpenZero(), 1.0 / k); k += 1.0; }
        double d = k - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9.0 * d);
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double x = rng.NextGaussian(), v = 1.0 + c * x;
            if (v <= 0.0) continue;
            v = v * v * v;
            double u = rng.NextDoubleOpenZero();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v * boost;
        }
        throw LoopBound.Exceeded("Γ variate", LoopBound.SamplerTries, rng, $"k = {k}");
    }
}
