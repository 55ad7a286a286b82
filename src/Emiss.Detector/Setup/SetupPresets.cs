using System.Collections.Frozen;

namespace Emiss.Detector.Setup;

/// <summary>
/// Built-in set-up cards for the two 2016 runs (seed): the PbSc-SRD run (1.4·10⁶ e⁻/spill) and the BGO-SRD run
/// (0.3·10⁶ e⁻/spill). Everything else is shared; [assumed] values are documented on the options records.
/// </summary>
public static class SetupPresets
{
    /// <summary>Name of the PbSc-SRD 2016 card.</summary>
    public const string Na64_2016_PbSc = "na64-2016-pbsc";

    /// <summary>Name of the BGO-SRD 2016 card.</summary>
    public const string Na64_2016_Bgo = "na64-2016-bgo";

    /// <summary>Built-in cards by name.</summary>
    public static FrozenDictionary<string, SetupCard> All { get; } = new Dictionary<string, SetupCard>
    {
        [Na64_2016_PbSc] = new SetupCard { Name = Na64_2016_PbSc, Srd = new SrdOptions { HadronKnockOnProbability = SrdOptions.SeedTunedHadronKnockOnProbability } },
        [Na64_2016_Bgo] = new SetupCard
        {
            Name = Na64_2016_Bgo,
            Beam = new BeamOptions { ParticlesPerSpill = 0.3e6 },
            // BGO: excellent MeV resolution (σ/E ≈ 1 %/√(E/GeV)), slow light (τ ≈ 300 ns) → long gate [assumed].
            Srd = new SrdOptions
            {
                Kind = SrdKind.Bgo, StochasticTerm = 0.01, NoiseMeV = 0.3, TimeResolutionNs = 3.0, GateNs = 1000.0,
                HadronKnockOnProbability = SrdOptions.SeedTunedHadronKnockOnProbability,
            },
        },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The card called <paramref name="name"/>; throws naming the available cards otherwise.</summary>
    public static SetupCard ByName(string name) =>
        All.TryGetValue(name, out SetupCard? c)
            ? c
            : throw new SetupCardException([$"setup card error at $.base: unknown set-up '{name}'; use one of {string.Join(", ", All.Keys.Order(StringComparer.Ordinal))}"]);
}
