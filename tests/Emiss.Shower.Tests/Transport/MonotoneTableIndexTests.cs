using Emiss.Shower.PhysicsList;
using Xunit;

namespace Emiss.Shower.Tests.Transport;

public class MonotoneTableIndexTests
{
    // The bracket of a binary search: the largest i with table[i] ≤ x.
    private static int BinaryLower(double[] t, double x)
    {
        int lo = 0, hi = t.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (t[mid] <= x) lo = mid; else hi = mid;
        }
        return lo;
    }

    [Fact]   // on a real range table and on points at, between and just beside its entries
    public void Brackets_like_a_binary_search()
    {
        ShowerPhysics physics = TestShowers.Physics("na64-ecal");
        double[] range = [.. physics.RangeTables[(int)ShowerSpecies.Electron].AsSpan(0, physics.Grid.Count)];
        MonotoneTableIndex index = MonotoneTableIndex.TryCreate(range) ?? throw new InvalidOperationException("range table not indexed");
        var rng = new Random(5);
        var xs = new List<double>();
        for (int i = 0; i < range.Length - 1; i++)
        {
            xs.Add(range[i]);
            xs.Add(Math.BitIncrement(range[i]));
            xs.Add(Math.BitDecrement(range[i + 1]));
            xs.Add(range[i] + rng.NextDouble() * (range[i + 1] - range[i]));
        }
        foreach (double x in xs.Where(x => x >= range[0] && x < range[^1]))
            Assert.Equal(BinaryLower(range, x), index.Lower(range, x));
    }

    [Fact]
    public void Tables_that_are_not_strictly_increasing_are_not_indexed()
    {
        Assert.Null(MonotoneTableIndex.TryCreate([1.0, 2.0, 2.0, 3.0]));
        Assert.Null(MonotoneTableIndex.TryCreate([0.0, 1.0]));
        Assert.NotNull(MonotoneTableIndex.TryCreate([1e-6, 1.0, 1e3]));
    }
}
