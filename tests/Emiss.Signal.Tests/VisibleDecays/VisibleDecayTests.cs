using Emiss.Core.Random;
using Emiss.Signal.VisibleDecays;
using Emiss.Testing;
using Xunit;

namespace Emiss.Signal.Tests.VisibleDecays;

public sealed class VisibleDecayTests
{
    [Fact]
    public void DecayLengthMatchesClosedForm()
    {
        // m = 10 MeV, ε = 1e-4, E = 80 GeV: Γ = αε²m/3 ·(1 + 2r)√(1 − 4r), r = (m_e/m)² = 2.611e-3 → Γ = 2.4346e-13 GeV;
        // cτ = ħc/Γ = 1.97327e-14/2.4346e-13 = 0.08105 cm; βγ = √(E² − m²)/m = 8000 → L = 648.4 cm.
        Tolerance.Rel(1e-3, "closed form, hand-evaluated to 4 digits").AssertClose(648.4, VisibleDecay.LabDecayLengthCm(80, 0.010, 1e-4), "L(10 MeV, 80 GeV)");
        // L ∝ 1/ε².
        Tolerance.Rel(1e-12, "exact ε⁻² scaling").AssertClose(VisibleDecay.LabDecayLengthCm(80, 0.010, 1e-4) / 100, VisibleDecay.LabDecayLengthCm(80, 0.010, 1e-3), "L(ε = 1e-3)");
    }

    [Fact]
    public void PairConservesEnergyAndMeanDistanceIsDecayLength()
    {
        var rng = RngStreams.For(3, StreamKind.Signal, 0);
        double sum = 0;
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            (double em, double tm, double ep, double tp) = VisibleDecay.SamplePair(60, 0.05, ref rng);
            Assert.Equal(60.0, em + ep, 9);
            // The pair is back to back in azimuth, so its opening angle is θ₋ + θ₊; it must rebuild the A′ mass.
            double me = 0.51099895e-3, pm = Math.Sqrt(em * em - me * me), pp = Math.Sqrt(ep * ep - me * me);
            double m2 = 2 * me * me + 2 * (em * ep - pm * pp * Math.Cos(tm + tp));
            Assert.True(Math.Abs(m2 / (0.05 * 0.05) - 1) < 1e-5, $"pair mass² {m2}");
            sum += VisibleDecay.SampleDecayDistanceCm(60, 0.05, 1e-4, ref rng);
        }
        double l = VisibleDecay.LabDecayLengthCm(60, 0.05, 1e-4);
        Tolerance.Rel(4 / Math.Sqrt(n), "4σ of an exponential mean").AssertClose(l, sum / n, "mean decay distance");
    }
}
