using System.Collections.Immutable;
using System.Globalization;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;
using Emiss.Physics.Decays;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>
/// The decays of beam π⁻, K⁻ and μ⁻ in a <see cref="DecayRegion"/>: for each species its beam fraction f_s and decay
/// probability P_s = 1 − exp(−L/λ_s) at the nominal beam momentum, and the flat list of (species, channel) entries with
/// true probability f_s P_s BR_c / Σ f P (BR renormalised over the listed modes). The biased list gives the channels
/// with an electron and a neutrino (Ke3, K → eν, π → eν, μ → eνν̄: the ones that leave an electromagnetic shower with
/// missing energy) half of all draws, the others the other half, each group in its true proportions.
/// docs/physics/decays-in-flight.md#biased-sampling.
/// </summary>
public sealed class BeamDecayMixture
{
    /// <summary>Share of biased draws given to the electron + neutrino channels.</summary>
    public const double BiasedElectronShare = 0.5;

    private readonly double[] _cumTrue, _cumBiased;

    /// <summary>Builds the mixture for <paramref name="card"/>'s beam and <paramref name="region"/>.</summary>
    public BeamDecayMixture(SetupCard card, DecayRegion region)
    {
        ArgumentNullException.ThrowIfNull(card);
        Region = region;
        NominalMomentumGeV = card.Beam.EnergyGeV;
        BeamCompositionOptions c = card.Beam.Composition;
        ElectronFraction = c.ElectronFraction;
        Species =
        [
            Make(DetectorSpecies.PionMinus, DecayTable.PionMinus, c.PionFraction),
            Make(DetectorSpecies.KaonMinus, DecayTable.KaonMinus, c.KaonFraction),
            Make(DetectorSpecies.MuonMinus, DecayTable.MuonMinus, c.MuonFraction),
        ];
        SumFractionTimesDecay = Species.Sum(s => s.BeamFraction * s.DecayProbability);
        var entries = ImmutableArray.CreateBuilder<Entry>();
        foreach (SpeciesDecay s in Species)
        {
            if (!(s.BeamFraction * s.DecayProbability > 0)) continue;
            foreach (DecayChannel ch in s.Table.Channels)
                entries.Add(new Entry(s, ch, s.BeamFraction * s.DecayProbability / SumFractionTimesDecay * ch.BranchingRatio / s.Table.BranchingSum, 0));
        }
        double eTrue = entries.Where(IsElectronChannel).Sum(e => e.TrueProbability);
        double share = eTrue > 0 && eTrue < 1 ? BiasedElectronShare : eTrue;
        for (int i = 0; i < entries.Count; i++)
        {
            Entry e = entries[i];
            double q = IsElectronChannel(e) ? share * e.TrueProbability / eTrue : (1 - share) * e.TrueProbability / (1 - eTrue);
            entries[i] = e with { BiasedProbability = q };
        }
        Entries = entries.ToImmutable();
        _cumTrue = Cumulative(Entries.Select(e => e.TrueProbability));
        _cumBiased = Cumulative(Entries.Select(e => e.BiasedProbability));

        SpeciesDecay Make(DetectorSpecies kind, DecayTable table, double fraction) =>
            new(kind, table, fraction, table.DecayProbability(NominalMomentumGeV, region.LengthCm));
    }

    /// <summary>The decay region.</summary>
    public DecayRegion Region { get; }

    /// <summary>Momentum at which the decay probabilities are evaluated (the beam energy of the card), GeV.</summary>
    public double NominalMomentumGeV { get; }

    /// <summary>Electron fraction of the beam.</summary>
    public double ElectronFraction { get; }

    /// <summary>π⁻, K⁻, μ⁻ with their beam fractions and decay probabilities.</summary>
    public ImmutableArray<SpeciesDecay> Species { get; }

    /// <summary>Σ_s f_s P_s: decays in the region per beam particle.</summary>
    public double SumFractionTimesDecay { get; }

    /// <summary>(species, channel) entries with their true and biased probabilities.</summary>
    public ImmutableArray<Entry> Entries { get; }

    /// <summary>True for channels with an e± and a neutrino.</summary>
    public static bool IsElectronChannel(Entry e) => e.Channel.HasElectron && e.Channel.NeutrinoCount > 0;

    /// <summary>Draws an entry, with the biased probabilities when <paramref name="biased"/>; <paramref name="weight"/>
    /// = true / sampling probability.</summary>
    public Entry Sample(bool biased, ref EventRng rng, out double weight)
    {
        if (Entries.IsEmpty) throw new InvalidOperationException("the beam has no π⁻, K⁻ or μ⁻ that decays in the region");
        double[] cum = biased ? _cumBiased : _cumTrue;
        double u = rng.NextDouble();
        int i = 0;
        while (i < cum.Length - 1 && u >= cum[i]) i++;
        Entry e = Entries[i];
        weight = biased ? e.TrueProbability / e.BiasedProbability : 1.0;
        return e;
    }

    /// <summary>One line per species: fraction × decay probability (for rate derivations).</summary>
    public string Describe() => string.Join(" + ", Species.Select(s => string.Create(CultureInfo.InvariantCulture,
        $"{s.Kind} {s.BeamFraction:G3} × {s.DecayProbability:G4} (λ = {s.Table.DecayLengthCm(NominalMomentumGeV) / 100:G4} m)")));

    private static double[] Cumulative(IEnumerable<double> p)
    {
        double[] a = [.. p];
        double s = 0, total = a.Sum();
        for (int i = 0; i < a.Length; i++) a[i] = (s += a[i]) / total;
        return a;
    }

    /// <summary>A decaying beam species.</summary>
    /// <param name="Kind">Detector species.</param>
    /// <param name="Table">Its decay table.</param>
    /// <param name="BeamFraction">Fraction of all beam particles.</param>
    /// <param name="DecayProbability">P(decay in the region) at the nominal momentum.</param>
    public sealed record SpeciesDecay(DetectorSpecies Kind, DecayTable Table, double BeamFraction, double DecayProbability);

    /// <summary>A (species, channel) pair.</summary>
    /// <param name="Species">The decaying species.</param>
    /// <param name="Channel">The channel.</param>
    /// <param name="TrueProbability">Probability among all decays in the region.</param>
    /// <param name="BiasedProbability">Probability in the biased process.</param>
    public sealed record Entry(SpeciesDecay Species, DecayChannel Channel, double TrueProbability, double BiasedProbability);
}
