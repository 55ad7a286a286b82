using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Physics.Decays;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Decays;

/// <summary>
/// K⁻ → π⁰e⁻ν̄ against an independent integration of the V−A Dalitz density (docs/physics/decays-in-flight.md#three-body-decays).
/// The density is written out here from the literature (Chounet, Gaillard and Gaillard 1972, m_e → 0:
/// ρ ∝ f₊²(t) M(2E_e E_ν − M E′_π), f₊ = 1 + λ₊ t/m²_π⁺) and integrated by the midpoint rule over the exact massless
/// Dalitz boundary E_e ∈ [(M − E_π − p_π)/2, (M − E_π + p_π)/2]; the sampler is not used for the reference.
/// </summary>
public sealed class Ke3Tests(ITestOutputHelper output)
{
    private const double M = PhysicalConstants.ChargedKaonMassGeV, MPi = PhysicalConstants.NeutralPionMassGeV;
    private static readonly DecayChannel Channel = DecayTable.KaonMinus.Channels[4];

    private static double Density(double ePi, double eE, double lambdaPlus)
    {
        double eNu = M - ePi - eE, ePrime = (M * M + MPi * MPi) / (2 * M) - ePi, t = M * M + MPi * MPi - 2 * M * ePi;
        double f = 1 + lambdaPlus * t / (PhysicalConstants.ChargedPionMassGeV * PhysicalConstants.ChargedPionMassGeV);
        return Math.Max(0, f * f * M * (2 * eE * eNu - M * ePrime));
    }

    /// <summary>P(E_ν,lab &gt; threshold) for a kaon of momentum p: ∫ρ·P(cosθ* &gt; c(E*_ν)) / ∫ρ, cosθ* uniform.</summary>
    private static double ProbabilityNeutrinoAbove(double pGeV, double thresholdGeV, double lambdaPlus, int n = 1000)
    {
        double eK = Math.Sqrt(pGeV * pGeV + M * M), gamma = eK / M, beta = pGeV / eK;
        double ePiMax = (M * M + MPi * MPi) / (2 * M), num = 0, den = 0;
        for (int i = 0; i < n; i++)
        {
            double ePi = MPi + (ePiMax - MPi) * (i + 0.5) / n, pPi = Math.Sqrt(ePi * ePi - MPi * MPi);
            double lo = (M - ePi - pPi) / 2, hi = (M - ePi + pPi) / 2;
            for (int j = 0; j < n; j++)
            {
                double eE = lo + (hi - lo) * (j + 0.5) / n, w = Density(ePi, eE, lambdaPlus) * (hi - lo);
                double eNu = M - ePi - eE;
                double c = (thresholdGeV / gamma - eNu) / (beta * eNu);
                den += w;
                num += w * Math.Clamp((1 - c) / 2, 0, 1);
            }
        }
        return num / den;
    }

    [Fact]
    public void Independent_integral_reproduces_the_design_value_for_constant_form_factor()
    {
        // docs/physics/decays-in-flight.md#reference-numbers: P(E_ν > 50 GeV) = 0.13 at 100 GeV with constant f₊ (derived value).
        double p = ProbabilityNeutrinoAbove(100, 50, 0.0);
        output.WriteLine($"P(E_ν > 50 GeV), constant f₊: {p:F4}; λ₊ = 0.0297: {ProbabilityNeutrinoAbove(100, 50, DecayTable.KaonLambdaPlus):F4}");
        Tolerance.Abs(0.005, "design value quoted to two digits").AssertClose(0.13, p, "P(E_ν > 50 GeV), f₊ constant");
    }

    [Fact]
    public void Sampled_neutrino_energies_above_50_GeV_match_the_Dalitz_integral()
    {
        double reference = ProbabilityNeutrinoAbove(100, 50, DecayTable.KaonLambdaPlus);
        var parent = new LorentzVector(Math.Sqrt(1e4 + M * M), 0, 0, 100);
        var rng = EventRng.FromSplitMix64(31);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        const int n = 100_000;
        int above = 0;
        var yNu = new double[n];
        for (int k = 0; k < n; k++)
        {
            int count = DecaySampler.Decay(Channel, parent, ref rng, o);
            Assert.Equal(4, count); // γ, γ, e⁻, ν̄
            Assert.Equal(-12, o[3].Pdg);
            if (o[3].P.E > 50) above++;
            yNu[k] = o[3].P.E;
        }
        double sigma = Math.Sqrt(reference * (1 - reference) / n);
        Tolerance.Abs(3 * sigma + 2e-4, $"3σ binomial (N = {n}) + midpoint-rule error of the 1000² reference").AssertClose(reference, (double)above / n, "P(E_ν > 50 GeV)");
    }

    [Fact]
    public void Rest_frame_electron_and_pion_spectra_follow_the_density()
    {
        var rng = EventRng.FromSplitMix64(32);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        var eE = new double[60_000];
        var ePi = new double[eE.Length];
        for (int k = 0; k < eE.Length; k++)
        {
            DecaySampler.Decay(Channel, new LorentzVector(M, 0, 0, 0), ref rng, o);
            eE[k] = o[2].P.E;
            ePi[k] = o[0].P.E + o[1].P.E;
        }
        double lam = DecayTable.KaonLambdaPlus, ePiMax = (M * M + MPi * MPi) / (2 * M), eEMax = (M * M - MPi * MPi) / (2 * M);
        double MarginalE(double e)
        {
            // E_π range at fixed E_e (massless e, ν): from the boundary (M − E_π − p_π)/2 ≤ E_e ≤ (M − E_π + p_π)/2.
            double s = 0; const int n = 400;
            for (int i = 0; i < n; i++)
            {
                double ep = MPi + (ePiMax - MPi) * (i + 0.5) / n, pp = Math.Sqrt(ep * ep - MPi * MPi);
                if (e >= (M - ep - pp) / 2 && e <= (M - ep + pp) / 2) s += Density(ep, e, lam);
            }
            return s;
        }
        double MarginalPi(double ep)
        {
            double pp = Math.Sqrt(Math.Max(ep * ep - MPi * MPi, 0)), lo = (M - ep - pp) / 2, hi = (M - ep + pp) / 2, s = 0;
            const int n = 400;
            for (int j = 0; j < n; j++) s += Density(ep, lo + (hi - lo) * (j + 0.5) / n, lam) * (hi - lo) / n;
            return s;
        }
        SampledDistribution.AssertMatches(eE, SampledDistribution.Linear(0.01, eEMax, 20), MarginalE, "E_e at rest", output);
        SampledDistribution.AssertMatches(ePi, SampledDistribution.Linear(MPi, ePiMax, 20), MarginalPi, "E_π at rest", output);
    }

    [Fact]
    public void Biased_orientation_gives_the_same_weighted_probability()
    {
        double reference = ProbabilityNeutrinoAbove(100, 50, DecayTable.KaonLambdaPlus);
        var parent = new LorentzVector(Math.Sqrt(1e4 + M * M), 0, 0, 100);
        var rng = EventRng.FromSplitMix64(33);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        const int n = 40_000;
        double sw = 0, swIn = 0, sw2In = 0, sw2 = 0;
        int inside = 0;
        for (int k = 0; k < n; k++)
        {
            DecaySampler.Decay(Channel, parent, new MissingEnergyBias(50, 0.7), ref rng, o, out double w);
            sw += w; sw2 += w * w;
            if (o[3].P.E > 50) { swIn += w; sw2In += w * w; inside++; }
        }
        output.WriteLine($"biased: {inside}/{n} draws with E_ν > 50 GeV (unbiased share {reference:F3})");
        Assert.True(inside > 3 * reference * n, "the bias puts more than 3× the unbiased share of draws into the region");
        double mean = swIn / n, err = Math.Sqrt(Math.Max(sw2In / n - mean * mean, 0) / n);
        Tolerance.Abs(3 * err + 2e-4, "3σ of the weighted mean + reference quadrature error").AssertClose(reference, mean, "weighted P(E_ν > 50 GeV)");
        double meanW = sw / n, errW = Math.Sqrt((sw2 / n - meanW * meanW) / n);
        Tolerance.Abs(3 * errW, "3σ: weights average to 1").AssertClose(1.0, meanW, "⟨w⟩");
    }
}
