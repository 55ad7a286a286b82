using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Physics.Decays;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// Replaces the primary at the ECAL face (arrival 0) by the products of its decay in the <see cref="DecayRegion"/>
/// (docs/physics/decays-in-flight.md#placing-the-products). Species and channel come from the <see cref="BeamDecayMixture"/>;
/// the decay point from the exponential truncated to the region (by inversion; biased, half of the points in the last
/// <see cref="NearLengthCm"/>, with the exact weight); the products from <see cref="DecaySampler"/>. The transported
/// primary (the process's fixed <c>Primary</c>) supplies the momentum, which is kept for the drawn species
/// (E = √(p² + m²)), and the position at the ECAL face; the parent flies along the beam axis (its angular spread,
/// ~0.1 mrad, moves the products by ≲ 0.2 cm over the 19.5 m region). Products go straight to z = 0 (no field downstream
/// of the magnets) through the counters and the SRD ahead of the decay (<see cref="DaughterAcceptance"/>). Decays of
/// the daughters themselves are not followed (a 50 GeV π decays within 19.5 m with probability 7·10⁻³).
/// </summary>
public sealed class InFlightDecayer
{
    /// <summary>Share of biased orientation draws forced into the large-missing-energy region.</summary>
    public const double OrientationMixture = 0.5;

    private readonly DecayProduct[] _products = new DecayProduct[DecaySampler.MaxProducts];
    private readonly double _primaryMass;

    private readonly DaughterAcceptance _acceptance;

    /// <summary>Creates a decayer (one per worker: it keeps a buffer).</summary>
    public InFlightDecayer(BeamDecayMixture mixture, DaughterAcceptance acceptance, DetectorSpecies transportedPrimary, double missingEnergyThresholdGeV)
    {
        Mixture = mixture ?? throw new ArgumentNullException(nameof(mixture));
        _acceptance = acceptance ?? throw new ArgumentNullException(nameof(acceptance));
        _primaryMass = ParticleProperties.MassGeV(transportedPrimary);
        MissingEnergyThresholdGeV = missingEnergyThresholdGeV;
    }

    /// <summary>The species/channel mixture.</summary>
    public BeamDecayMixture Mixture { get; }

    /// <summary>Missing-energy threshold of the biased orientation, GeV.</summary>
    public double MissingEnergyThresholdGeV { get; }

    /// <summary>Length of the region's downstream end into which <see cref="NearShare"/> of the biased decay points are drawn,
    /// cm: S3 lies 150 cm before the ECAL in the 2016 cards, and a daughter at the Ke3 electron's typical ≈ 5 mrad leaves its
    /// 1.5 cm within ≈ 3 m upstream of it, so most accepted decays lie in the last 4.5 m of the 19.5 m region. The weights
    /// are exact whatever the length (docs/physics/decays-in-flight.md#biased-sampling).</summary>
    public const double NearLengthCm = 450;

    /// <summary>Share of the biased decay points drawn in the last <see cref="NearLengthCm"/>.</summary>
    public const double NearShare = 0.5;

    /// <summary>Decays arrival 0 of <paramref name="record"/>; returns the importance weight (1 when not biased).</summary>
    public double Apply(BeamLineRecord record, bool biased, ref EventRng rng, out DecayTruth truth)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.PrimaryLost || record.ArrivalCount == 0)
            throw new InvalidOperationException("the decaying beam particle did not reach the decay region (lost in a dipole)");
        BeamDecayMixture.Entry entry = Mixture.Sample(biased, ref rng, out double weight);
        DecayTable table = entry.Species.Table;
        double e0 = record.ArrivalEnergyGeV[0];
        double p = Math.Sqrt(Math.Max(e0 * e0 - _primaryMass * _primaryMass, 1e-12));
        double m = table.ParentMassGeV, e = Math.Sqrt(p * p + m * m);
        double s = DecayDistance(table, p, biased, ref rng, ref weight);
        double zDecay = Mixture.Region.StartZCm + s, toEcal = -zDecay;
        MissingEnergyBias bias = biased ? new MissingEnergyBias(MissingEnergyThresholdGeV, OrientationMixture) : MissingEnergyBias.None;
        int n = DecaySampler.Decay(entry.Channel, new LorentzVector(e, 0, 0, p), bias, ref rng, _products, out double wOrientation);
        weight *= wOrientation;

        double x0 = record.ArrivalXCm[0], y0 = record.ArrivalYCm[0], nuGeV = 0, srdGeV = 0;
        int fired = 0;
        bool first = true;
        for (int i = 0; i < n; i++)
        {
            DecayProduct d = _products[i];
            DetectorSpecies kind = ParticleProperties.FromPdg(d.Pdg)
                ?? throw new InvalidOperationException($"decay product with PDG code {d.Pdg} has no detector species");
            bool neutrino = kind == DetectorSpecies.Neutrino;
            if (neutrino) nuGeV += d.P.E;
            if (!(d.P.Pz > 0)) continue; // backwards in the lab: never reaches the ECAL (does not occur above a few GeV)
            double tx = d.P.Px / d.P.Pz, ty = d.P.Py / d.P.Pz;
            (int f, bool absorbed) = _acceptance.Follow(zDecay, x0, y0, tx, ty, ParticleProperties.Charge(kind) != 0, neutrino);
            fired |= f;
            if (absorbed) { srdGeV += d.P.E; continue; }
            double x = x0 + tx * toEcal, y = y0 + ty * toEcal;
            if (first) { record.SetArrival(0, kind, d.P.E, x, y); first = false; }
            else record.AddArrival(kind, d.P.E, x, y);
        }
        if (first) record.RemoveArrival(0);
        // The counters behind the decay point saw the daughters: a bit stays set only if the parent's crossing had fired it
        // (its efficiency draw) and a charged daughter passes inside. What the SRD absorbed adds to its signal.
        int behind = _acceptance.CountersDownstreamOf(zDecay);
        record.CountersFired = (record.CountersFired & ~behind) | (record.CountersFired & behind & fired);
        record.SrdTrueGeV += srdGeV;
        truth = new DecayTruth(entry.Species.Kind, entry.Channel.Name, zDecay, e, nuGeV, weight, srdGeV, (behind & ~fired) != 0);
        return weight;
    }

    /// <summary>The distance s from the region's start to the decay point: the exponential truncated to the region; biased,
    /// a defensive mixture that takes half of the points from its part in the last <see cref="NearLengthCm"/> (weight
    /// p/q = 1/((1 − b) + b·1[near]/P_near), P_near the true probability of the near part).</summary>
    private double DecayDistance(DecayTable table, double p, bool biased, ref EventRng rng, ref double weight)
    {
        double length = Mixture.Region.LengthCm;
        if (!biased || !(length > NearLengthCm)) return table.DecayDistanceCm(p, length, rng.NextDouble());
        double far = table.DecayProbability(p, length - NearLengthCm) / table.DecayProbability(p, length), near = 1 - far;
        bool pickNear = rng.NextDouble() < NearShare;
        double u = rng.NextDouble();
        double s = table.DecayDistanceCm(p, length, pickNear ? far + u * near : u);
        weight /= (1 - NearShare) + (s >= length - NearLengthCm ? NearShare / near : 0);
        return s;
    }
}
