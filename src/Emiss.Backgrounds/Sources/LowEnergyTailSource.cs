using System.Globalization;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Electrons of the H4 beam's low-energy tail (card <c>beam.lowEnergyTail</c>: fraction per beam electron, energy
/// uniform in [minGeV, maxGeV], both [assumed]; the seed: a tail "≲ 60–80 GeV" exists). Such an electron radiates less
/// synchrotron light (∝ E²) and is bent further by the dipoles (∝ 1/E), so it may be swept out of the ECAL acceptance
/// while its SR still tags it; with a pile-up μ/π/K that decays it is the seed's second-largest background
/// (docs/physics/beam-line.md#low-energy-tail). The process replaces the beam electron's energy by a tail energy and
/// transports it again (same spot and direction). Rate per EOT = tail fraction; weight 1 (biased or not).
/// </summary>
public sealed class LowEnergyTailSource : IBackgroundSource
{
    /// <inheritdoc />
    public string Name => "low-energy-tail";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.LowEnergyTail;

    /// <inheritdoc />
    public string TableRow => "pile-up of low energy e⁻ and µ, π, K followed by their decays (the low-energy e⁻)";

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Card.Beam.LowEnergyTail;
        // The fraction is unknown (seed): ±100 %.
        return new SourceRate(t.Fraction, 1.0, $"beam.lowEnergyTail.fraction = {t.Fraction:G3} tail electrons per beam electron, uniform in [{t.MinGeV:G3}, {t.MaxGeV:G3}] GeV [assumed]; ±100 %");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased) => new Tail();

    /// <inheritdoc />
    /// <remarks>The dipoles put an electron of energy E at an offset from the nominal beam that is linear in 1/E − 1/E0
    /// (<see cref="BeamLineTransport.TailElectronX"/>), so the tail's most energetic electron (<c>maxGeV</c>) is the least
    /// bent one: if it misses a trigger counter (half-width + <see cref="HardBremAcceptance.CounterMarginCm"/>, the margin for
    /// the beam spot, divergence and scattering) or passes more than a Molière radius outside the ECAL (nothing towards
    /// the trigger's ECAL sum), every tail electron does, and no tail event fires the physics trigger
    /// (docs/physics/beam-line.md#low-energy-tail).</remarks>
    public string? TriggerClosedReason(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tail = model.Card.Beam.LowEnergyTail;
        double e0 = model.Card.Beam.EnergyGeV, e = tail.MaxGeV;
        if (!(e < e0)) return null;
        BeamLineTransport line = model.BeamLine;
        string Say(string where, double x, double halfWidth) => string.Create(CultureInfo.InvariantCulture,
            $"the least-bent tail electron ({e:G3} GeV) passes {where} {Math.Abs(x):F1} cm from the beam axis (half-width {halfWidth:G3} cm + {HardBremAcceptance.CounterMarginCm:G2} cm margin); lower energies are bent further (offset ∝ 1/E − 1/E0), so no tail electron fires the physics trigger (docs/physics/beam-line.md#low-energy-tail)");
        foreach (CounterOptions c in model.Card.Spectrometer.Counters.OrderBy(c => c.ZCm))
        {
            double x = line.TailElectronX(e, c.ZCm);
            if (HardBremAcceptance.SurelyMisses(c, x)) return Say(c.Name, x, c.HalfWidthCm);
        }
        (double lo, double hi) = HardBremAcceptance.EcalEdgesCm(model);
        double rm = model.Layout.EcalMoliereRadiusCm;
        double xe = line.TailElectronX(e, 0);
        if (xe < lo - rm || xe > hi + rm)
            return string.Create(CultureInfo.InvariantCulture,
                $"the least-bent tail electron ({e:G3} GeV) reaches the ECAL face {xe:F1} cm from the beam axis, more than a Molière radius outside the ECAL ({lo:F1} … {hi:F1} cm); lower energies are bent further, so no tail electron gives the trigger its ECAL sum (docs/physics/beam-line.md#low-energy-tail)");
        return null;
    }

    private sealed class Tail : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.LowEnergyTail;

        public DetectorSpecies Primary => DetectorSpecies.Electron;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            var t = model.Card.Beam.LowEnergyTail;
            double e = t.MinGeV + (t.MaxGeV - t.MinGeV) * rng.NextDouble();
            model.BeamLine.Transport(record.Primary with { EnergyGeV = e }, ref rng, record);
            return 1.0;
        }
    }
}
