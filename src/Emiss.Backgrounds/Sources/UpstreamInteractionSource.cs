using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Beam electrons with a hard interaction in the beam-line material (the seed's Table I row "e⁻ interactions in the
/// beamline materials", 0.03 events; sideband C): a bremsstrahlung photon with y = k/E ≥ <see cref="HardFraction"/>,
/// whose photon may convert later on. The photon emitted upstream of or inside the dipoles flies straight past the
/// ECAL while the softened electron is bent further, possibly out of the acceptance; the event then has E_ECAL
/// below the beam energy and little in the HCAL (docs/physics/beam-line.md#forced-hard-interactions).
/// <para>Generation: the material plane of the electron's first hard photon is drawn with its exact probability
/// q_j = ∏_{i&lt;j}(1 − p_i)·p_j / R, p_i = 1 − exp(−(x_i/X0)·N(y_h, 1)), N(a, b) = ∫_a^b (4/3 − 4y/3 + y²)/y dy, and
/// the electron is transported conditioned on it (<see cref="BeamLineTransport.TransportForcedHardBrem"/>). Rate per EOT
/// R = 1 − ∏(1 − p_i) = 1 − exp(−N(y_h, 1)·Σ x_i/X0) (≈ Σ p_i): events with hard photons in several planes are
/// counted once, at the first. Unbiased: weight 1. Biased: the first hard photon's y is drawn from the
/// energy-weighted spectrum (favouring the large losses that reach the signal box) with its exact weight.</para>
/// </summary>
public sealed class UpstreamInteractionSource : IBackgroundSource
{
    /// <summary>Smallest photon energy fraction of a hard interaction: softer photons leave the electron above 90 GeV,
    /// above the 80 GeV trigger ceiling, within the bulk of the beam events.</summary>
    public const double HardFraction = 0.1;

    /// <inheritdoc />
    public string Name => "upstream-interaction";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.UpstreamInteraction;

    /// <inheritdoc />
    public string TableRow => "e⁻ interactions in the beamline materials";

    /// <summary>Expected hard photons per electron in the whole map, μ = N(y_h, 1)·Σ x_i/X0.</summary>
    public static double MeanHardPhotons(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ThinTargetBremsstrahlung.PhotonsPerX0(HardFraction, 1.0) * model.BeamLine.MaterialPlanes.Sum(p => p.RadiationLengthFraction);
    }

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        double mu = MeanHardPhotons(model);
        double x0 = model.BeamLine.MaterialPlanes.Sum(p => p.RadiationLengthFraction);
        // The seed's main systematic is the amount of passive material; its e⁻-loss measurement is 3 % ± 2 %: ±2/3.
        return new SourceRate(1 - Math.Exp(-mu), 2.0 / 3.0,
            $"1 − exp(−N({HardFraction:G2}, 1) × {x0:G3} X0) hard bremsstrahlung (y ≥ {HardFraction:G2}) in the material map; ±2/3 (seed: upstream e⁻ loss 3 % ± 2 %)");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased) => new Interaction(model, biased);

    private sealed class Interaction : IEventPhysics
    {
        private readonly double[] _cumulative;   // cumulative probability of "first hard photon in plane j"
        private readonly bool _biased;

        public Interaction(DetectorModel model, bool biased)
        {
            ArgumentNullException.ThrowIfNull(model);
            _biased = biased;
            double perX0 = ThinTargetBremsstrahlung.PhotonsPerX0(HardFraction, 1.0);
            IReadOnlyList<MaterialPlane> planes = model.BeamLine.MaterialPlanes;
            _cumulative = new double[planes.Count];
            double none = 1, sum = 0;   // none: probability of no hard photon before plane j
            for (int j = 0; j < planes.Count; j++)
            {
                double p = 1 - Math.Exp(-perX0 * planes[j].RadiationLengthFraction);
                sum += none * p;
                none *= 1 - p;
                _cumulative[j] = sum;
            }
            if (!(sum > 0)) throw new InvalidOperationException("the set-up has no material in the beam line: no upstream interaction can be forced");
            for (int j = 0; j < _cumulative.Length; j++) _cumulative[j] /= sum;
        }

        public TrueProcess Process => TrueProcess.UpstreamInteraction;

        public DetectorSpecies Primary => DetectorSpecies.Electron;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            double u = rng.NextDouble();
            int plane = Array.FindIndex(_cumulative, c => u < c);
            if (plane < 0) plane = _cumulative.Length - 1;
            while (model.BeamLine.MaterialPlanes[plane].RadiationLengthFraction <= 0) plane--;   // guards u = 1 − ε against empty planes
            BeamParticle primary = record.Primary;
            return model.BeamLine.TransportForcedHardBrem(primary, plane, HardFraction, _biased, ref rng, record);
        }
    }
}
