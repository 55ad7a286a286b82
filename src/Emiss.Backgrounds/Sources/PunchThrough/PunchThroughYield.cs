using Emiss.Core.Diagnostics;
using Emiss.Core.Numerics;
using Emiss.Core.Random;

namespace Emiss.Backgrounds.Sources.PunchThrough;

/// <summary>
/// Expected number of hard photons (k ≥ k_min) that the primary electron radiates in the ECAL and that cross the rest of
/// the ECAL, V2 and the HCAL without interacting, per electron of energy E at the ECAL face
/// (docs/physics/pseudo-data.md#punch-through-photons):
/// R(E) = ∫₀^T dt ∫₀^{ln(E/k_min)} du g_{bt}(u) ∫_{k_min/E_t}^1 dy φ(y)/y · S(yE_t, t),  E_t = E e^{−u},
/// with Tsai's straggling law — ln(E/E_t) after t X0 is gamma(bt, 1) distributed, b = 4/3 (Tsai, RMP 46, 815 (1974),
/// Eq. 3.80) — the complete-screening spectrum per X0, φ(y)/y = (4/3 − 4/3 y + y²)/y (Tsai Eq. 3.83 without the
/// small (1 − y)/9 term, consistent with b = 4/3), and the survival S of <see cref="PhotonPathAttenuation"/>.
/// </summary>
public sealed class PunchThroughYield
{
    /// <summary>b = 4/3 of the straggling law.</summary>
    public const double B = 4.0 / 3.0;

    /// <summary>Depth of a cell of the unbiased sampler's envelope, X0.</summary>
    public const double EnvelopeCellX0 = 0.25;

    /// <summary>Cumulative envelope of the unbiased sampler over depth cells, built for electrons up to the table's top
    /// energy: cell i ∝ its depth × exp(−a_min (T − t_{i+1})) × P(b t_i, u_max) — the largest that
    /// e^{−a_min(T−t)} P(bt, u_max) reaches in the cell, since P(a, x) falls with a and rises with x.</summary>
    private readonly double[] _cellCumulative;

    /// <summary>A yield for photons of at least <paramref name="minimumPhotonGeV"/> along <paramref name="path"/>.</summary>
    public PunchThroughYield(PhotonPathAttenuation path, double minimumPhotonGeV)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!(minimumPhotonGeV >= path.LowGeV)) throw new ArgumentOutOfRangeException(nameof(minimumPhotonGeV), minimumPhotonGeV, $"below the attenuation table ({path.LowGeV:G4} GeV)");
        Path = path;
        MinimumPhotonGeV = minimumPhotonGeV;
        _cellCumulative = new double[(int)Math.Ceiling(path.EcalDepthX0 / EnvelopeCellX0)];
        double uTop = Math.Log(path.HighGeV / minimumPhotonGeV), depth = path.EcalDepthX0, sum = 0;
        for (int i = 0; i < _cellCumulative.Length; i++)
        {
            double t0 = i * EnvelopeCellX0, t1 = Math.Min(depth, t0 + EnvelopeCellX0);
            sum += (t1 - t0) * Math.Exp(-path.MinimumEcalPerX0 * (depth - t1)) * GammaBelow(B * t0, uTop);
            _cellCumulative[i] = sum;
        }
    }

    /// <summary>The photon's path and its attenuation.</summary>
    public PhotonPathAttenuation Path { get; }

    /// <summary>k_min, GeV.</summary>
    public double MinimumPhotonGeV { get; }

    /// <summary>Photons with y = k/E ≥ y0 radiated per X0 by an electron: ∫_{y0}^1 (4/3 − 4/3 y + y²)/y dy (closed form).</summary>
    public static double HardPhotonsPerX0(double y0) =>
        y0 >= 1 ? 0.0 : B * -Math.Log(y0) - B * (1 - y0) + 0.5 * (1 - y0 * y0);

    /// <summary>R(E) by Gauss–Legendre quadrature: t in panels of 0.5 X0; u through v = u^{bt}, which removes the
    /// integrable u^{bt−1} peak (g du = e^{−u} dv / Γ(bt + 1)); y through s = ln y.</summary>
    public double PerElectron(double electronGeV)
    {
        double uMax = Math.Log(electronGeV / MinimumPhotonGeV);
        if (!(uMax > 0)) return 0.0;
        CheckInTable(electronGeV);
        double depth = Path.EcalDepthX0;
        return GaussLegendre.Integrate(t =>
        {
            double a = B * t, vMax = Math.Exp(a * Math.Log(uMax)), norm = Math.Exp(-SpecialFunctions.LogGamma(a + 1));
            return norm * GaussLegendre.Integrate(v =>
            {
                double u = Math.Exp(Math.Log(v) / a), et = electronGeV * Math.Exp(-u);
                if (!(et > MinimumPhotonGeV)) return 0.0;
                double sLo = Math.Log(MinimumPhotonGeV / et);
                return Math.Exp(-u) * GaussLegendre.Integrate(s =>
                {
                    double y = Math.Exp(s);
                    return (B - B * y + y * y) * Path.Survival(y * et, t);
                }, sLo, 0.0, 2);
            }, 0.0, vMax, 2);
        }, 0.0, depth, (int)Math.Ceiling(depth / 0.5));
    }

    private void CheckInTable(double electronGeV)
    {
        if (!(electronGeV <= Path.HighGeV))
            throw new ArgumentOutOfRangeException(nameof(electronGeV), electronGeV, $"above the attenuation table ({Path.HighGeV:G4} GeV)");
    }

    /// <summary>u ∈ [0, u_max] from gamma(a, 1) truncated to it, by bisection of P(a, u) = ξ P(a, u_max) (the
    /// regularised incomplete gamma is increasing in u): 64 halvings leave u within 2⁻⁶⁴ u_max.</summary>
    internal static double TruncatedGamma(double a, double uMax, double pMax, double xi)
    {
        double target = xi * pMax, lo = 0, hi = uMax;
        for (int i = 0; i < 64; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (SpecialFunctions.RegularizedP(a, mid) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>P(a, x) with its a → 0 limit (a gamma(0) variate is 0: the electron at the face has lost nothing).</summary>
    internal static double GammaBelow(double a, double x) => a > 0 ? SpecialFunctions.RegularizedP(a, x) : 1.0;

    /// <summary>A photon (k, t) drawn for the biased process: t from e^{−t} truncated to [0, T], u = ln(E/E_t) from
    /// gamma(bt) truncated to E_t ≥ k_min, y from the spectrum above k_min/E_t. Returns the importance weight
    /// P(bt, u_max) N(k_min/E_t) S(k, t) / q(t), whose mean is <see cref="PerElectron"/>(E): the photon's survival is
    /// forced and paid for by S. Zero (and k = t = 0) where E ≤ k_min.</summary>
    public double SampleBiased(double electronGeV, ref EventRng rng, out double kGeV, out double tX0)
    {
        kGeV = tX0 = 0;
        double uMax = Math.Log(electronGeV / MinimumPhotonGeV);
        if (!(uMax > 0)) return 0.0;
        CheckInTable(electronGeV);
        double depth = Path.EcalDepthX0, norm = -double.ExpM1(-depth);
        double t = -double.LogP1(-rng.NextDouble() * norm), a = B * t, p = GammaBelow(a, uMax);
        if (!(p > 0)) return 0.0;
        double u = a > 0 ? TruncatedGamma(a, uMax, p, rng.NextDouble()) : 0.0;
        double et = electronGeV * Math.Exp(-u), y0 = Math.Min(1.0, MinimumPhotonGeV / et);
        double y = SampleFraction(y0, ref rng);
        (kGeV, tX0) = (y * et, t);
        return p * HardPhotonsPerX0(y0) * Path.Survival(kGeV, t) * norm * Math.Exp(t);
    }

    /// <summary>A photon (k, t) drawn from the punch-through density itself (the integrand of <see cref="PerElectron"/>),
    /// by rejection: t from the envelope's cells (uniform inside), u and y as in <see cref="SampleBiased"/>, accepted with
    /// [e^{−a_min(T−t)} P(bt, u_max) / cell bound] × [N(k_min/E_t) / N(k_min/E_max)] × S/(e^{−a_min(T−t) − τ_min}) ≤ 1.</summary>
    public void SampleUnbiased(double electronGeV, ref EventRng rng, out double kGeV, out double tX0)
    {
        double uMax = Math.Log(electronGeV / MinimumPhotonGeV);
        if (!(uMax > 0)) throw new ArgumentOutOfRangeException(nameof(electronGeV), electronGeV, $"no photon above k_min = {MinimumPhotonGeV:G4} GeV");
        CheckInTable(electronGeV);
        double depth = Path.EcalDepthX0, aMin = Path.MinimumEcalPerX0, tauMin = Path.MinimumDownstream;
        double nMax = HardPhotonsPerX0(MinimumPhotonGeV / Path.HighGeV), total = _cellCumulative[^1];
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double r = rng.NextDouble() * total;
            int cell = 0;
            while (cell < _cellCumulative.Length - 1 && _cellCumulative[cell] <= r) cell++;
            double t0 = cell * EnvelopeCellX0, t1 = Math.Min(depth, t0 + EnvelopeCellX0);
            double t = t0 + (t1 - t0) * rng.NextDouble(), a = B * t, p = GammaBelow(a, uMax);
            double bound = Math.Exp(-aMin * (depth - t1)) * GammaBelow(B * t0, Math.Log(Path.HighGeV / MinimumPhotonGeV));
            double u = a > 0 && p > 0 ? TruncatedGamma(a, uMax, p, rng.NextDouble()) : 0.0;
            double et = electronGeV * Math.Exp(-u), y0 = Math.Min(1.0, MinimumPhotonGeV / et);
            double y = SampleFraction(y0, ref rng), k = y * et;
            double accept = Math.Exp(-aMin * (depth - t)) * p / bound * HardPhotonsPerX0(y0) / nMax
                            * Path.Survival(k, t) / Math.Exp(-aMin * (depth - t) - tauMin);
            if (rng.NextDouble() < accept) { (kGeV, tX0) = (k, t); return; }
        }
        throw LoopBound.Exceeded("punch-through photon sampling", LoopBound.SamplerTries, rng, $"E = {electronGeV} GeV");
    }

    /// <summary>y ∈ [y0, 1] with density ∝ (4/3 − 4/3 y + y²)/y: log-uniform proposal, accepted with φ(y)/(4/3) (φ ≤ 4/3 on [0, 1]).</summary>
    internal static double SampleFraction(double y0, ref EventRng rng)
    {
        if (y0 >= 1) return 1.0;
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double y = Math.Exp(Math.Log(y0) * rng.NextDouble());
            if (rng.NextDouble() * B <= B - B * y + y * y) return y;
        }
        throw LoopBound.Exceeded("bremsstrahlung fraction sampling", LoopBound.SamplerTries, rng, $"y0 = {y0}");
    }
}
