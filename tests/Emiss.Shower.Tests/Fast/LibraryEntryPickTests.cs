using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Xunit;

namespace Emiss.Shower.Tests.Fast;

/// <summary>
/// The energy draw of a substitution (<see cref="ShowerLibrary.PickEntry"/>): entries stratified in ln E within their bin,
/// picked uniformly within one bin width centred on the particle's ln E. A small library (e±, γ up to 50 MeV, 8 per bin)
/// keeps the build cheap; the pick depends only on the entries' order and energies.
/// </summary>
public class LibraryEntryPickTests
{
    private const int PerBin = 8;
    private static readonly Lazy<ShowerLibrary> Small = new(() => ShowerLibrary.Build(TestShowers.Physics("na64-ecal"),
        FastShowerOptions.Default with { SwitchGeV = 0.05, EntriesPerBin = PerBin }, threads: 2));

    private static double LnEnergy(ShowerLibrary lib, int entry, int species) =>
        Math.Log(lib.EntrySpots(entry).Total - (species == 1 ? 2 * PhysicalConstants.ElectronMassGeV : 0));

    [Fact]   // entry k of bin b starts in slice k of perBin equal slices of the bin in ln E (1e-5: float spots, as in ShowerLibraryTests)
    public void Entries_are_stratified_in_ln_energy_within_their_bin()
    {
        ShowerLibrary lib = Small.Value;
        for (int sp = 0; sp < 3; sp++)
            for (int b = 0; b < lib.BinCount; b++)
            {
                double lo = Math.Log(lib.BinLowGeV(b)), w = (Math.Log(lib.BinLowGeV(b + 1)) - lo) / PerBin;
                for (int k = 0; k < PerBin; k++)
                {
                    double ln = LnEnergy(lib, lib.EntryIndex(sp, 1, b, k), sp);
                    Assert.InRange(ln, lo + k * w - 1e-5, lo + (k + 1) * w + 1e-5);
                }
            }
    }

    [Fact]   // mid-library: mean picked position = ln E in entry slices (stat ±0.016 slices for 20 000 picks; band 0.1 slice), rms = one bin/√12 (±5 %)
    public void Pick_is_centred_on_the_energy_with_the_spread_of_one_bin()
    {
        ShowerLibrary lib = Small.Value;
        double slice = Math.Log(lib.BinLowGeV(1) / lib.BinLowGeV(0)) / PerBin;
        double e = Math.Sqrt(lib.MinGeV * lib.SwitchGeV);
        (double mean, double rms, int distinct, _) = Picks(lib, e);
        Assert.Equal(Math.Log(e / lib.MinGeV) / slice, mean, 0.1);
        // the previous draw (a random entry of one of the two nearest bins) had rms √(1/12 + 1/6) = 0.50 bins
        Assert.Equal(PerBin / Math.Sqrt(12), rms, 0.05 * PerBin / Math.Sqrt(12));
        Assert.InRange(distinct, PerBin, PerBin + 1);
    }

    [Fact]   // the library reaches half a bin above E_switch, so just below it the window is whole and centred (as mid-library)
    public void Pick_just_below_the_switch_energy_is_centred()
    {
        ShowerLibrary lib = Small.Value;
        double slice = Math.Log(lib.BinLowGeV(1) / lib.BinLowGeV(0)) / PerBin;
        Assert.Equal(Math.Log(lib.SwitchGeV) + PerBin / 2 * slice, Math.Log(lib.TopGeV), 1e-12);
        double e = lib.SwitchGeV * (1 - 1e-9);
        (double mean, _, int distinct, _) = Picks(lib, e);
        Assert.Equal(Math.Log(e / lib.MinGeV) / slice, mean, 0.1);
        Assert.InRange(distinct, PerBin, PerBin + 1);
    }

    [Fact]   // at E_min the window is reflected into the library: the lowest half-bin, each entry ≈ 2/perBin of the picks (±20 %)
    public void Pick_at_the_lower_end_stays_spread_over_the_lowest_entries()
    {
        ShowerLibrary lib = Small.Value;
        (_, _, int distinct, double maxShare) = Picks(lib, lib.MinGeV);
        Assert.Equal(PerBin / 2, distinct);
        Assert.InRange(maxShare, 0.8 * 2.0 / PerBin, 1.2 * 2.0 / PerBin);
    }

    /// <summary>20 000 picks for a γ in phase 1: mean and rms of the picked entry's centre in slices above the library's
    /// lower end (entry i of the row covers slice i), distinct entries, largest share of one entry.</summary>
    private static (double Mean, double Rms, int Distinct, double MaxShare) Picks(ShowerLibrary lib, double e)
    {
        const int N = 20_000;
        int rowStart = lib.EntryIndex(2, 1, 0, 0);
        EventRng rng = RngStreams.For(17, StreamKind.Shower, 0);
        var counts = new Dictionary<int, int>();
        double s = 0, s2 = 0;
        for (int i = 0; i < N; i++)
        {
            int entry = lib.PickEntry(ShowerSpecies.Gamma, 1, e, ref rng);
            counts[entry] = counts.GetValueOrDefault(entry) + 1;
            double pos = entry - rowStart + 0.5;
            s += pos; s2 += pos * pos;
        }
        double mean = s / N;
        return (mean, Math.Sqrt(s2 / N - mean * mean), counts.Count, counts.Values.Max() / (double)N);
    }
}
