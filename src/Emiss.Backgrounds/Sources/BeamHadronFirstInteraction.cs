using Emiss.Backgrounds.Biasing;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Physics.Photonuclear;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// The first nuclear interaction of a beam hadron (π⁻ or K⁻) that reaches the ECAL, drawn by the background process
/// instead of the calorimeter model so that the leading-K⁰_L channel can be added and importance-sampled
/// (docs/physics/hadron-response.md#leading-neutral-kaon, docs/physics/hadron-biasing.md#mis-tagged-beam-hadrons).
/// The depth u (λ_I from the ECAL face) follows e^(−u) as in the calorimeter model. An interaction inside the ECAL gives
/// a leading K⁰_L with probability p_L and a uniform share z (<see cref="LeadingNeutralKaon"/>); the K⁰_L starts its free
/// path at u, and the rest of the final state, E − E_K, is generated explicitly (<see cref="PhotonuclearFinalState"/> with
/// one more meson that carries the rest's charge and strangeness, <see cref="LeadingNeutralKaon.RestCarrierPdg"/>: K⁻ after
/// a π⁻, π⁻ after a K⁻; on a nucleus of the ECAL picked ∝ n_j A_j^0.75): its photons shower from u's
/// depth in X0, its hadrons interact at u plus their own free path. Any other outcome hands u to the calorimeter model for
/// the hadron itself, whose event-by-event response is unchanged.
/// With a depth biasing the outcome is drawn from the defensive mixture ½ (true law) + ½ (channel forced: u from the
/// truncated e^(−u) on the ECAL, z from <see cref="FinalStateBias.SampleShare"/>), whose weight
/// p/q = 1 / (½ + ½ q_f/p) is ≤ 2, with q_f/p = q(z) / (p_L (1 − e^(−λ_ECAL))) on the channel and 0 off it; the rest's
/// composition is biased as the photonuclear source's is (<see cref="FinalStateBias.TowardsLeadingLongKaon"/>), and the
/// paths of its neutral hadrons and of the K⁰_L are forced to the HCAL modules' fronts beyond u
/// (<see cref="ForcedFreeFlight.Sample(ref EventRng, double)"/>).
/// </summary>
public sealed class BeamHadronFirstInteraction
{
    /// <summary>Least energy of the rest of the final state for the multi-meson generator, GeV; a softer rest is its
    /// carrier meson alone (<see cref="LeadingNeutralKaon.RestCarrierPdg"/>).</summary>
    public const double MinimumRestGeV = 2.0;

    private static readonly FinalStateBias Bias = FinalStateBias.TowardsLeadingLongKaon;
    private readonly CalorimeterLayout _layout;
    private readonly DetectorSpecies _species, _carrier;
    private readonly int _carrierPdg;
    private readonly double _longKaon, _ecalLambda, _inEcal, _restMass;
    private readonly ForcedFreeFlight? _depth;
    private readonly TargetNucleus[] _nuclei;
    private readonly double[] _nucleusCumulative;
    private readonly PhotonuclearFinalState _generator = new();
    private readonly List<FinalStateParticle> _rest = new(64);

    /// <summary>For hadrons of kind <paramref name="species"/> in <paramref name="model"/>, with leading-K⁰_L probability
    /// <paramref name="longKaonProbability"/> per ECAL interaction; biased when <paramref name="depth"/> is given.</summary>
    public BeamHadronFirstInteraction(DetectorModel model, DetectorSpecies species, double longKaonProbability, ForcedFreeFlight? depth)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(longKaonProbability >= 0 && longKaonProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(longKaonProbability), longKaonProbability, "a probability lies in [0, 1]");
        _layout = model.Layout;
        _species = species;
        _carrierPdg = LeadingNeutralKaon.RestCarrierPdg(ParticleProperties.PdgCode(species)); // throws unless π⁻ or K⁻
        _carrier = ParticleProperties.FromPdg(_carrierPdg) ?? throw new InvalidOperationException($"PDG {_carrierPdg} is not transported");
        _restMass = ParticleProperties.MassGeV(_carrier);
        _longKaon = longKaonProbability;
        _ecalLambda = EcalLambda(_layout);
        _inEcal = 1 - Math.Exp(-_ecalLambda);
        _depth = depth;
        // Hadron–nucleus inelastic cross sections scale as A^0.75 at these energies (PionChargeExchange.AbsorptionMillibarn).
        _nuclei = [.. PhotonuclearSource.EcalTarget(model).Nuclei];
        _nucleusCumulative = new double[_nuclei.Length];
        double sum = 0;
        for (int i = 0; i < _nuclei.Length; i++) _nucleusCumulative[i] = sum += _nuclei[i].NucleiPerCm3 * PionChargeExchange.AbsorptionMillibarn(_nuclei[i].A);
    }

    /// <summary>Thickness of the ECAL (preshower and main section) in λ_I.</summary>
    public static double EcalLambda(CalorimeterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.Regions.Where(r => r.Kind is RegionKind.EcalPreshower or RegionKind.EcalMain).Sum(r => r.LambdaThickness);
    }

    /// <summary>Draws the first interaction of arrival 0 of <paramref name="record"/> when it is this hadron entering the
    /// ECAL (otherwise leaves the record alone); returns the importance weight (1 unbiased).</summary>
    public double Apply(BeamLineRecord record, ref EventRng rng)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ArrivalCount == 0 || record.ArrivalKind[0] != _species) return 1.0;
        double e = record.ArrivalEnergyGeV[0], x = record.ArrivalXCm[0], y = record.ArrivalYCm[0];
        // A hadron beside the ECAL, or one too soft for a K⁰_L and the rest, keeps the calorimeter model's own draw.
        if (!_layout.HitsEcal(x, y) || e <= ParticleProperties.MassGeV(DetectorSpecies.KaonLong) + _restMass) return 1.0;
        double u, z = 0;
        bool channel;
        if (_depth is not null && rng.NextDouble() < 0.5)
        {
            u = -Math.Log(1 - rng.NextDouble() * _inEcal); // e^(−u) truncated to [0, λ_ECAL)
            channel = true;
            z = Bias.SampleShare(ref rng);
        }
        else
        {
            u = rng.NextExponential();
            channel = u < _ecalLambda && rng.NextDouble() < _longKaon;
            if (channel) z = rng.NextDouble();
        }
        double weight = _depth is null ? 1.0 : 1.0 / (0.5 + 0.5 * (channel ? Bias.ShareDensity(z) / (_longKaon * _inEcal) : 0));
        if (!channel)
        {
            record.SetInteractionDepth(0, u);
            return weight;
        }
        (double kaon, double rest) = LeadingNeutralKaon.Split(e, _restMass, z);
        record.SetArrival(0, DetectorSpecies.KaonLong, kaon, x, y);
        weight *= FreePath(record, 0, u, ref rng);
        if (rest < MinimumRestGeV)
        {
            // Too soft for the multi-meson generator: the lightest meson with the rest's charge and strangeness carries it.
            return weight * AddHadron(record, _carrier, rest, x, y, u, ref rng);
        }
        TargetNucleus nucleus = PickNucleus(ref rng);
        weight *= _generator.Generate(rest, nucleus.A, nucleus.Z, _depth is null ? null : Bias, _carrierPdg, ref rng, _rest);
        double depthX0 = DepthX0(u);
        foreach (FinalStateParticle p in _rest)
        {
            DetectorSpecies kind = ParticleProperties.FromPdg(p.Pdg)
                ?? throw new InvalidOperationException($"the hadronic final state produced PDG {p.Pdg}, which the detector does not transport");
            if (ParticleProperties.IsElectromagnetic(kind))
            {
                int before = record.ArrivalCount;
                record.AddArrival(kind, p.E, x, y);
                if (record.ArrivalCount > before) record.SetShowerDepth(record.ArrivalCount - 1, depthX0);
            }
            else if (ParticleProperties.IsHadron(kind))
                weight *= AddHadron(record, kind, p.E, x, y, u, ref rng);
            else
                record.AddArrival(kind, p.E, x, y);
        }
        return weight;
    }

    /// <summary>Adds a hadron created at depth <paramref name="u"/> with its first interaction behind it; returns the weight
    /// of a forced path (1 otherwise).</summary>
    private double AddHadron(BeamLineRecord record, DetectorSpecies kind, double e, double x, double y, double u, ref EventRng rng)
    {
        int before = record.ArrivalCount;
        record.AddArrival(kind, e, x, y);
        if (record.ArrivalCount == before) return 1.0; // a full record drops further arrivals
        return FreePath(record, record.ArrivalCount - 1, u, ref rng);
    }

    /// <summary>Sets the first-interaction depth of hadron arrival <paramref name="index"/>, created at depth
    /// <paramref name="u"/>: u plus a free path, forced for a neutral hadron with more than
    /// <see cref="PhotonuclearSource.MinimumBiasedHadronGeV"/> to shower when the process is biased; returns its weight.</summary>
    private double FreePath(BeamLineRecord record, int index, double u, ref EventRng rng)
    {
        DetectorSpecies kind = record.ArrivalKind[index];
        double available = kind is DetectorSpecies.Neutron or DetectorSpecies.Proton
            ? record.ArrivalEnergyGeV[index] - ParticleProperties.MassGeV(kind) : record.ArrivalEnergyGeV[index];
        if (_depth is null || ParticleProperties.Charge(kind) != 0 || available < PhotonuclearSource.MinimumBiasedHadronGeV)
        {
            record.SetInteractionDepth(index, u + rng.NextExponential());
            return 1.0;
        }
        (double v, double w) = _depth.Sample(ref rng, u);
        record.SetInteractionDepth(index, v);
        return w;
    }

    /// <summary>Depth in X0 of the point <paramref name="lambda"/> λ_I below the ECAL face.</summary>
    private double DepthX0(double lambda)
    {
        int ri = _layout.RegionAtLambda(lambda);
        CalorimeterRegion r = _layout.Regions[ri < 0 ? _layout.Regions.Length - 1 : ri];
        return r.X0Start + Math.Clamp((lambda - r.LambdaStart) / r.LambdaThickness, 0, 1) * r.X0Thickness;
    }

    /// <summary>The struck nucleus, with probability ∝ n_j A_j^0.75.</summary>
    private TargetNucleus PickNucleus(ref EventRng rng)
    {
        double pick = rng.NextDouble() * _nucleusCumulative[^1];
        for (int i = 0; i < _nuclei.Length; i++)
            if (pick < _nucleusCumulative[i]) return _nuclei[i];
        return _nuclei[^1];
    }
}
