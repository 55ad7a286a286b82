using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
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
