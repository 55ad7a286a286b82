using Emiss.Core.Random;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// Urban's distribution of cos θ after a true path t with τ = t/λ1 (L. Urban, CERN-OPEN-2006-077, sect. 3; Geant4
/// G4UrbanMscModel::SampleCosineTheta). A mixture of a Gaussian-like core f1(x) ∝ exp(−ξ(1 − x)/a) of width θ0 and a
/// tail f2(x) ∝ 1/(b − x)^c that joins it smoothly, plus an isotropic part whose weight is fixed so that the mean is
/// exact, ⟨cos θ⟩ = e^{−τ}. Because the mean of the product of two steps is the product of the means, the angular
/// moment the transport builds up does not depend on how the path is cut into steps. Where the core cannot carry the
/// mean (large τ or a step losing more than half its energy), a two-function form with the exact ⟨cos θ⟩ and ⟨cos² θ⟩
/// of Goudsmit–Saunderson ((1 + 2e^{−2.5τ})/3, with λ2 ≈ λ1/2.5) is sampled instead.
/// </summary>
public static class UrbanAngularDistribution
{
    /// <summary>Below this τ the direction is not changed.</summary>
    public const double TauSmall = 1e-16;

    /// <summary>Above this τ the direction is isotropic.</summary>
    public const double TauBig = 8.0;

    private const double NumLim = 0.01;
    private const double Theta0Max = Math.PI / 6.0;
    private const double HighlandGeV = 0.0136;

    /// <summary>
    /// Width θ0 (rad) of the central part after a true path <paramref name="tCm"/> with kinetic energy from
    /// <paramref name="t0GeV"/> to <paramref name="t1GeV"/>: Highland's form with Urban's Z-dependent correction
    /// (c1 + c2 ln(t/X0)) instead of (1 + 0.038 ln(t/X0)); 1/(βcp) is the geometric mean of its start and end values.
    /// </summary>
    public static double Theta0(UrbanMaterialParameters m, double tCm, double t0GeV, double t1GeV, double massGeV)
    {
        ArgumentNullException.ThrowIfNull(m);
        double inv0 = (t0GeV + massGeV) / (t0GeV * (t0GeV + 2.0 * massGeV));
        double invBetaCp = t1GeV > 0 && t1GeV != t0GeV
            ? Math.Sqrt(inv0 * (t1GeV + massGeV) / (t1GeV * (t1GeV + 2.0 * massGeV)))
            : inv0;
        double y = tCm / m.RadiationLengthCm;
        return HighlandGeV * Math.Sqrt(y) * invBetaCp * (m.Theta0C1 + m.Theta0C2 * Math.Log(y));
    }

    /// <summary>Samples cos θ.</summary>
    /// <param name="m">Material constants.</param>
    /// <param name="tau">t/λ1 (with λ1 averaged over the energy loss of the step).</param>
    /// <param name="theta0">Core width (<see cref="Theta0"/>).</param>
    /// <param name="tauForTail">τ that sets the tail shape (the step's own τ, or that of the smallest modelled step).</param>
    /// <param name="lambdaEffCm">t/τ, cm.</param>
    /// <param name="relativeLoss">Fraction of the kinetic energy lost in the step.</param>
    /// <param name="rng">Event random stream.</param>
    public static double SampleCosTheta(UrbanMaterialParameters m, double tau, double theta0, double tauForTail,
        double lambdaEffCm, double relativeLoss, ref EventRng rng)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (tau >= TauBig) return 2.0 * rng.NextDouble() - 1.0;
        if (tau < TauSmall) return 1.0;
        double xmeanth = tau < NumLim ? 1.0 - tau * (1.0 - 0.5 * tau) : Math.Exp(-tau);
        // ⟨cos² θ⟩ only enters the large-angle form: computed there, not on every step (it costs an exponential).
        if (relativeLoss > 0.5 || theta0 > Theta0Max) return SimpleScattering(xmeanth, SecondMoment(tau), ref rng);
        double theta2 = theta0 * theta0;
        if (theta2 < TauSmall) return 1.0;
        double x = theta2 * (1.0 - theta2 / 12.0);
        if (theta2 > NumLim)
        {
            double sth = 2.0 * Math.Sin(0.5 * theta0);
            x = sth * sth;
        }

        double u = Math.Pow(tauForTail, 1.0 / 6.0);
        double xsi = m.TailC1 + u * (m.TailC2 + m.TailC3 * u) + m.TailC4 * Math.Log(lambdaEffCm / m.RadiationLengthCm);
        xsi = Math.Max(xsi, 1.9);                     // a tail not too large (as Geant4)
        double c = xsi;
        if (Math.Abs(c - 3.0) < 0.001) c = 3.001;
        else if (Math.Abs(c - 2.0) < 0.001) c = 2.001;
        double c1 = c - 1.0;
        double ea = Math.Exp(-xsi), eaa = 1.0 - ea;
        Mixture mix = Mixture.Of(x, xsi, c, ea, eaa);
        if (mix.Xmean1 <= 0.999 * xmeanth) return SimpleScattering(xmeanth, SecondMoment(tau), ref rng);
        double mean = mix.Prob * mix.Xmean1 + (1.0 - mix.Prob) * mix.Xmean2;
        // Where λ1 says less scattering than Urban's core width (core and tail alone have ⟨cos θ⟩ < e^{−τ}, which Geant4
        // leaves as it is), narrow the core until the mean is exact: ⟨cos θ⟩ = e^{−τ} is what makes steps compose.
        for (int iter = 0; iter < 4 && mean < xmeanth; iter++)
        {
            x *= (1.0 - xmeanth) / (1.0 - mean);
            mix = Mixture.Of(x, xsi, c, ea, eaa);
            mean = mix.Prob * mix.Xmean1 + (1.0 - mix.Prob) * mix.Xmean2;
        }
        double qprob = Math.Min(1.0, xmeanth / mean), prob = mix.Prob, d = mix.D;

        double r0 = rng.NextDouble(), r1 = rng.NextDouble();
        if (r0 >= qprob) return 2.0 * r1 - 1.0;
        if (r1 < prob) return 1.0 + Math.Log(ea + rng.NextDouble() * eaa) * x;
        double v = (1.0 - d) * rng.NextDouble();
        if (v < NumLim * d)
        {
            v /= d * c1;
            return -1.0 + v * (1.0 - 0.5 * v * c) * (2.0 + (c - xsi) * x);
        }
        return 1.0 + x * (c - xsi - c * Math.Pow(v + d, -1.0 / c1));
    }

    /// <summary>⟨cos² θ⟩ = (1 + 2e^{−2.5τ})/3 of Goudsmit–Saunderson with λ2 ≈ λ1/2.5 (its expansion below τ = 0.01).</summary>
    private static double SecondMoment(double tau) =>
        tau < NumLim ? 1.0 - tau * (5.0 - 6.25 * tau) / 3.0 : (1.0 + 2.0 * Math.Exp(-2.5 * tau)) / 3.0;

    /// <summary>Core/tail mixture for core parameter x: core and tail means, core weight, and d = (cx/(b + 1))^{c−1}.</summary>
    private readonly record struct Mixture(double Xmean1, double Xmean2, double Prob, double D)
    {
        public static Mixture Of(double x, double xsi, double c, double ea, double eaa)
        {
            double c1 = c - 1.0;
            double xmean1 = 1.0 - (1.0 - (1.0 + xsi) * ea) * x / eaa;
            double x0 = 1.0 - xsi * x;
            double b = 1.0 + (c - xsi) * x;           // continuity of the derivative at x0
            double b1 = b + 1.0, bx = c * x;
            double d = Math.Pow(bx / b1, c1);
            double xmean2 = (x0 + d - (bx - b1 * d) / (c - 2.0)) / (1.0 - d);
            double f1x0 = ea / eaa, f2x0 = c1 / (c * (1.0 - d));
            return new Mixture(xmean1, xmean2, f2x0 / (f1x0 + f2x0), d);
        }
    }

    /// <summary>Large-angle form: a mixture of (1 + cos θ)^a and isotropic with the given first two moments.</summary>
    private static double SimpleScattering(double xmean, double x2mean, ref EventRng rng)
    {
        double a = (2.0 * xmean + 9.0 * x2mean - 3.0) / (2.0 * xmean - 3.0 * x2mean + 1.0);
        double prob = (a + 2.0) * xmean / a;
        if (rng.NextDouble() < prob) return -1.0 + 2.0 * Math.Pow(rng.NextDoubleOpenZero(), 1.0 / (a + 1.0));
        return -1.0 + 2.0 * rng.NextDouble();
    }
}
