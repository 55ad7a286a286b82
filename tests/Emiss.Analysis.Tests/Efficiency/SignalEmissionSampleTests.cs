using Emiss.Analysis.Efficiency;
using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Core.Units;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Analysis.Tests.Efficiency;

/// <summary>
/// The emission points that the efficiency scan attaches to beam electrons, from the signal Monte Carlo in the card's
/// ECAL, against Tsai's closed-form straggling distribution of the primary electron (docs/physics/signal-efficiency.md#validation).
/// </summary>
public sealed class SignalEmissionSampleTests(ITestOutputHelper output)
{
    private const double BeamGeV = 100, CutFraction = 0.5, MassMeV = 10;

    private static readonly Lazy<SignalEmissionSample> Sample = new(() =>
        SignalEmissionSample.Simulate(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), Model, MassMeV, CutFraction, 16_384, 41, 2));

    private static IDarkProductionModel Model => DarkProductionModels.Create(Mediator.Vector, ProductionApproximation.ImprovedWw);

    /// <summary>
    /// Primary-electron emissions: the fraction at depth &lt; 1 X0 and the mean emitter energy, against Tsai's
    /// I_e(E0, E, t) = [ln(E0/E)]^{bt−1}/(E0 Γ(bt)), b = 4/3 (Tsai, RMP 46, 815 (1974), Eq. 3.80; the thick-target
    /// track length of Bjorken et al., PRD 80, 075018 (2009)) weighted by σ(E; xE &gt; E0/2) of the same production model. Bands,
    /// fixed before the first comparison: ±0.05 on the depth fraction and ±0.03 on ⟨E⟩/E0. Tsai's form is
    /// brem-only with complete screening and overestimates the track at 50–90 GeV by 5–15 % against an exact kernel
    /// (docs/physics/signal-yield-analytic.md#approximation-and-known-bias); the Monte Carlo has LPM and the Pb/Sc
    /// layering; binomial errors are ≈ 0.006 and 0.003.
    /// </summary>
    [Fact]
    public void Primary_emissions_follow_Tsai_straggling_in_depth_and_energy()
    {
        SignalEmissionSample s = Sample.Value;
        double primary = s.WeightedFraction(p => p.ByPrimary ? 1 : 0);
        double mcShallow = s.WeightedFraction(p => p.ByPrimary ? Math.Clamp((1 - p.DepthFromX0) / (p.DepthToX0 - p.DepthFromX0), 0, 1) : 0) / primary;
        double mcEnergy = s.WeightedFraction(p => p.ByPrimary ? p.EmitterFraction : 0) / primary;

        TsaiEmission tsai = new(Model, MassMeV);
        double all = tsai.Integral(double.PositiveInfinity, energyWeighted: false);
        double shallow = tsai.Integral(1.0, energyWeighted: false) / all;
        double energy = tsai.Integral(double.PositiveInfinity, energyWeighted: true) / all;
        output.WriteLine($"{s.Points.Count} emissions; primary share {primary:F4}; depth < 1 X0: MC {mcShallow:F4}, Tsai {shallow:F4}; <E>/E0: MC {mcEnergy:F4}, Tsai {energy:F4}");

        Tolerance.Abs(0.05, "Tsai I_e vs exact-kernel shower with LPM; fixed before comparing").AssertClose(shallow, mcShallow, "fraction of primary emissions at depth < 1 X0");
        Tolerance.Abs(0.03, "Tsai I_e vs exact-kernel shower with LPM; fixed before comparing").AssertClose(energy, mcEnergy, "mean emitter energy / E0 of primary emissions");
    }

    /// <summary>
    /// Share of emissions by the beam electron: above 50 GeV it carries 0.83 of the 0.91 X0 e± track length of a
    /// 100 GeV e⁻ in lead (docs/physics/validation-anchors.md#v14), 0.91; σ(E; xE &gt; E0/2) grows with E, where the
    /// primary dominates further, so the emission share lies higher. Band [0.85, 0.97], fixed before measuring.
    /// </summary>
    [Fact]
    public void Most_emissions_come_from_the_beam_electron()
    {
        double primary = Sample.Value.WeightedFraction(p => p.ByPrimary ? 1 : 0);
        output.WriteLine($"primary share {primary:F4}");
        Assert.InRange(primary, 0.85, 0.97);
    }

    [Fact]
    public void Draws_lie_in_the_emission_slab_and_keep_the_energy_budget()
    {
        SignalEmissionSample s = Sample.Value;
        double maxDepth = s.Points.Max(p => p.DepthToX0);
        for (int i = 0; i < 1000; i++)
        {
            AprimeEmission e = s.Draw(i / 1000.0, (i * 0.618034) % 1.0);
            e.Validate();
            Assert.InRange(e.InvisibleFraction, CutFraction, e.EmitterFraction);
            Assert.InRange(e.DepthX0, 0, maxDepth);
        }
        // The same seed gives the same sample.
        SignalEmissionSample again = SignalEmissionSample.Simulate(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), Model, MassMeV, CutFraction, 2048, 41, 1);
        SignalEmissionSample twice = SignalEmissionSample.Simulate(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), Model, MassMeV, CutFraction, 2048, 41, 2);
        Assert.Equal(again.Points, twice.Points);
    }

    /// <summary>
    /// ∫₀^D dt ∫_{E_cut}^{E0} dE I_e(E0, E, t) σ(E; xE &gt; E_cut) h(E), h = 1 or E/E0, up to the constant 1/b. With
    /// s = bt and ℓ = ln(E0/E): I_e dE = ℓ^{s−1} e^{−ℓ} dℓ / Γ(s), and with ℓ = e^w the ℓ integral is
    /// A(s) + g(0) L^s/s, A(s) = ∫_{−∞}^{ln L} e^{sw} [g(e^w) − g(0)] dw, g(ℓ) = e^{−ℓ} σ(E0 e^{−ℓ}) h, L = ln(E0/E_cut);
    /// so the integrand in s is [s A(s) + g(0) L^s]/Γ(1 + s), smooth down to s = 0.
    /// </summary>
    private sealed class TsaiEmission
    {
        private const double B = 4.0 / 3.0, WMin = -40;
        private readonly double[] _w, _weight, _g, _gE;
        private readonly double _g0, _lnL;

        public TsaiEmission(IDarkProductionModel model, double massMeV)
        {
            ElementComponent pb = MaterialCatalog.Lead.DominantElement;
            var p = new DarkParameters(Mass.FromMeV(massMeV), 1.0);
            double Sigma(double e) => e <= CutFraction * BeamGeV ? 0 : model.CrossSectionAbove(pb, Energy.FromGeV(e), CutFraction * BeamGeV / e, p).InCm2;
            _lnL = Math.Log(Math.Log(1 / CutFraction));
            (_w, _weight) = GaussLegendre.Rule(WMin, _lnL, 24);
            _g = new double[_w.Length];
            _gE = new double[_w.Length];
            for (int i = 0; i < _w.Length; i++)
            {
                double l = Math.Exp(_w[i]);
                _g[i] = Math.Exp(-l) * Sigma(BeamGeV * Math.Exp(-l));
                _gE[i] = _g[i] * Math.Exp(-l);
            }
            _g0 = Sigma(BeamGeV);
        }

        public double Integral(double depthX0, bool energyWeighted)
        {
            double[] g = energyWeighted ? _gE : _g;
            double sMax = double.IsPositiveInfinity(depthX0) ? 40 : B * depthX0;
            double L = Math.Exp(_lnL);
            return GaussLegendre.Integrate(s =>
            {
                double a = 0;
                for (int i = 0; i < _w.Length; i++) a += _weight[i] * Math.Exp(s * _w[i]) * (g[i] - _g0);
                return (s * a + _g0 * Math.Pow(L, s)) * Math.Exp(-SpecialFunctions.LogGamma(1 + s));
            }, 0, sMax, 24);
        }
    }
}
