using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Beam electrons with a hard interaction in the beam-line material (the seed's Table I row "e⁻ interactions in the
/// beamline materials", 0.03 events; sideband C): a bremsstrahlung photon with y = k/E ≥ <see cref="HardFraction"/>,
/// whose photon may convert later on. A photon emitted upstream of or inside the dipoles flies straight while the
/// softened electron is bent further; behind the field both reach the ECAL together
/// (docs/physics/beam-line.md#where-a-hard-photon-and-its-electron-go: in the 2016 set-ups no such event can fire
/// the physics trigger, S3 and the ECAL's acceptance close it).
/// <para>Generation: the material plane of the electron's first hard photon is drawn with its exact probability
/// q_j = ∏_{i&lt;j}(1 − p_i)·p_j / R, p_i = 1 − exp(−(x_i/X0)·N(y_h, 1)), N(a, b) = ∫_a^b (4/3 − 4y/3 + y²)/y dy, and
/// the electron is transported conditioned on it (<see cref="BeamLineTransport.TransportForcedHardBrem(in BeamParticle, int, double, HardPhotonBias?, ref EventRng, BeamLineRecord)"/>).
/// Rate per EOT R = 1 − ∏(1 − p_i) = 1 − exp(−N(y_h, 1)·Σ x_i/X0) (≈ Σ p_i): events with hard photons in several
/// planes are counted once, at the first. Unbiased: weight 1. Biased: planes and the first hard photon's y are drawn
/// from defensive mixtures that send half of the draws to the (plane, y) windows where the event can fire the trigger
/// (<see cref="HardBremAcceptance"/>), the other half energy-weighted in y (favouring the large losses that reach the
/// signal box); every weight is the exact ratio of the true to the sampled density
/// (docs/physics/beam-line.md#acceptance-biased-hard-photons).</para>
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
            $"1 − exp(−N({HardFraction:G2}, 1) × {x0:G3} X0) hard bremsstrahlung (y ≥ {HardFraction:G2}) in the material map; ±2/3 (seed: upstream e⁻ loss 3 % ± 2 %); " +
            $"share where the trigger can fire (S1·S2·S3, ECAL sum < ceiling): {TriggerCapableShare(model):G3}");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased) => new Interaction(model, biased);

    /// <inheritdoc />
    public string? TriggerClosedReason(DetectorModel model) =>
        TriggerCapableShare(model) > 0 ? null
            : $"no hard photon (y ≥ {HardFraction:G2}) in any material plane leaves an event that can fire the physics trigger: before the dipoles the softened electron misses S3, behind them photon and electron both reach the ECAL (docs/physics/beam-line.md#where-a-hard-photon-and-its-electron-go)";

    private sealed class Interaction : IEventPhysics
    {
        private readonly double[] _cumulative;   // cumulative probability of the plane drawn (true: "first hard photon in plane j")
        private readonly double[] _planeWeight;  // true probability / sampled probability of each plane (1 unbiased)
        private readonly HardPhotonBias?[] _bias; // per plane: the first hard photon's density (null: the true spectrum)

        public Interaction(DetectorModel model, bool biased)
        {
            ArgumentNullException.ThrowIfNull(model);
            double[] q = HardPhotonPlaneProbabilities(model);   // Σ q_j = R
            _planeWeight = [.. q.Select(_ => 1.0)];
            _bias = new HardPhotonBias?[q.Length];
            double[] sampled = q;   // unnormalised: the cumulative sum is divided by its total below
            if (biased)
            {
                // Defensive mixture over planes: half the draws from the true q_j, half from q_j·O_j/Σq·O, O_j the true
                // probability that the photon's y lies in the plane's trigger windows; in the plane, half the draws of y
                // from the windows, half energy-weighted (docs/physics/beam-line.md#acceptance-biased-hard-photons).
                IReadOnlyList<(double Lo, double Hi)>[] windows = HardBremAcceptance.TriggerWindows(model, HardFraction);
                double[] open = OpenShares(windows);
                double total = q.Sum(), openTotal = q.Select((v, j) => v * open[j]).Sum();
                if (openTotal > 0)
                    sampled = [.. q.Select((v, j) => (1 - WindowShare) * v / total + WindowShare * v * open[j] / openTotal)];
                for (int j = 0; j < q.Length; j++)
                {
                    _planeWeight[j] = openTotal > 0 && sampled[j] > 0 ? q[j] / total / sampled[j] : 1.0;
                    _bias[j] = new HardPhotonBias(true, windows[j], WindowShare);
                }
            }
            _cumulative = new double[q.Length];
            double sum = 0;
            for (int j = 0; j < q.Length; j++) _cumulative[j] = sum += sampled[j];
            for (int j = 0; j < q.Length; j++) _cumulative[j] /= sum;
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
            return _planeWeight[plane] * model.BeamLine.TransportForcedHardBrem(primary, plane, HardFraction, _bias[plane], ref rng, record);
        }
    }

    /// <summary>Share of the biased draws (of planes, then of y in a plane) taken from the trigger windows.</summary>
    public const double WindowShare = 0.5;

    /// <summary>q_j = ∏_{i&lt;j}(1 − p_i)·p_j, p_i = 1 − exp(−(x_i/X0)·N(y_h, 1)): the probability per electron that its
    /// first hard photon (y ≥ <see cref="HardFraction"/>) is emitted in material plane j; Σ_j q_j = R.</summary>
    public static double[] HardPhotonPlaneProbabilities(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        double perX0 = ThinTargetBremsstrahlung.PhotonsPerX0(HardFraction, 1.0);
        IReadOnlyList<MaterialPlane> planes = model.BeamLine.MaterialPlanes;
        var q = new double[planes.Count];
        double none = 1, sum = 0;   // none: probability of no hard photon before plane j
        for (int j = 0; j < planes.Count; j++)
        {
            double p = 1 - Math.Exp(-perX0 * planes[j].RadiationLengthFraction);
            q[j] = none * p;
            sum += q[j];
            none *= 1 - p;
        }
        if (!(sum > 0)) throw new InvalidOperationException("the set-up has no material in the beam line: no upstream interaction can be forced");
        return q;
    }

    /// <summary>The true probability, given a hard photon, that it is emitted where the event can fire the physics
    /// trigger: Σ_j (q_j/R)·O_j with O_j the share of the spectrum N(y_h, 1) inside plane j's
    /// <see cref="HardBremAcceptance.TriggerWindows"/>.</summary>
    public static double TriggerCapableShare(DetectorModel model)
    {
        double[] q = HardPhotonPlaneProbabilities(model);
        double[] open = OpenShares(model);
        return q.Select((v, j) => v * open[j]).Sum() / q.Sum();
    }

    /// <summary>O_j: the share of the hard spectrum N(y_h, 1) inside plane j's trigger windows.</summary>
    private static double[] OpenShares(DetectorModel model) => OpenShares(HardBremAcceptance.TriggerWindows(model, HardFraction));

    private static double[] OpenShares(IReadOnlyList<(double Lo, double Hi)>[] windows)
    {
        double n = ThinTargetBremsstrahlung.PhotonsPerX0(HardFraction, 1.0);
        return [.. windows.Select(w => w.Sum(r => ThinTargetBremsstrahlung.PhotonsPerX0(r.Lo, r.Hi)) / n)];
    }
}
