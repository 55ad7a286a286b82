using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Physics.Decays;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// Replaces the primary at the ECAL face (arrival 0) by the products of its decay in the <see cref="DecayRegion"/>
/// (docs/physics/decays-in-flight.md#placing-the-products). Species and channel come from the <see cref="BeamDecayMixture"/>;
/// the decay point from the exponential truncated to the region (exact, by inversion: no weight); the products from
/// <see cref="DecaySampler"/>. The transported primary (the process's fixed <c>Primary</c>) supplies the momentum, which
/// is kept for the drawn species (E = √(p² + m²)), and the position at the ECAL face; the parent flies along the beam
/// axis over the last metre (its angular spread, ~0.1 mrad, moves the products by ≲ 0.01 cm). Products go straight to
/// z = 0 (no field downstream of the magnets). Decays of the daughters themselves are not followed (a 50 GeV π decays
/// within 90 cm with probability 3·10⁻⁴).
/// </summary>
public sealed class InFlightDecayer
{
    /// <summary>Share of biased orientation draws forced into the large-missing-energy region.</summary>
    public const double OrientationMixture = 0.5;

    private readonly DecayProduct[] _products = new DecayProduct[DecaySampler.MaxProducts];
    private readonly double _primaryMass;

    /// <summary>Creates a decayer (one per worker: it keeps a buffer).</summary>
    public InFlightDecayer(BeamDecayMixture mixture, DetectorSpecies transportedPrimary, double missingEnergyThresholdGeV)
    {
        Mixture = mixture ?? throw new ArgumentNullException(nameof(mixture));
        _primaryMass = ParticleProperties.MassGeV(transportedPrimary);
        MissingEnergyThresholdGeV = missingEnergyThresholdGeV;
    }

    /// <summary>The species/channel mixture.</summary>
    public BeamDecayMixture Mixture { get; }

    /// <summary>Missing-energy threshold of the biased orientation, GeV.</summary>
    public double MissingEnergyThresholdGeV { get; }

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
        double s = table.DecayDistanceCm(p, Mixture.Region.LengthCm, rng.NextDouble());
        double zDecay = Mixture.Region.StartZCm + s, toEcal = -zDecay;
        MissingEnergyBias bias = biased ? new MissingEnergyBias(MissingEnergyThresholdGeV, OrientationMixture) : MissingEnergyBias.None;
        int n = DecaySampler.Decay(entry.Channel, new LorentzVector(e, 0, 0, p), bias, ref rng, _products, out double wOrientation);
        weight *= wOrientation;

        double x0 = record.ArrivalXCm[0], y0 = record.ArrivalYCm[0], nuGeV = 0;
        bool first = true;
        for (int i = 0; i < n; i++)
        {
            DecayProduct d = _products[i];
            DetectorSpecies kind = ParticleProperties.FromPdg(d.Pdg)
                ?? throw new InvalidOperationException($"decay product with PDG code {d.Pdg} has no detector species");
            if (kind == DetectorSpecies.Neutrino) nuGeV += d.P.E;
            if (!(d.P.Pz > 0)) continue; // backwards in the lab: never reaches the ECAL (does not occur above a few GeV)
            double x = x0 + d.P.Px / d.P.Pz * toEcal, y = y0 + d.P.Py / d.P.Pz * toEcal;
            if (first) { record.SetArrival(0, kind, d.P.E, x, y); first = false; }
            else record.AddArrival(kind, d.P.E, x, y);
        }
        if (first) record.RemoveArrival(0);
        truth = new DecayTruth(entry.Species.Kind, entry.Channel.Name, zDecay, e, nuGeV, weight);
        return weight;
    }
}
