using CsCheck;
using Emiss.Core.Numerics;
using Emiss.Core.Sharding;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Numerics;

/// <summary>
/// The fixed-tree sum over blocks: its shape against sums written out by hand, its independence of how the blocks are
/// split into contiguous parts (the shards of a run), and the exact storage of node sums.
/// </summary>
public sealed class BlockTreeTests
{
    /// <summary>A mutable one-value sum, as the run accumulators are (combine reuses its left operand).</summary>
    private sealed class Box(double value)
    {
        public double Value { get; private set; } = value;

        public static Box Combine(Box a, Box b)
        {
            a.Value += b.Value;
            return a;
        }
    }

    private static double Sum(long first, double[] leaves) => Root(BlockTree.ReduceRange(first, [.. leaves.Select(v => new Box(v))], Box.Combine), leaves.Length);

    private static double Root(IEnumerable<BlockNode<Box>> nodes, long blocks) => BlockTree.Root(nodes, blocks, Box.Combine).Value;

    [Fact]
    public void Sum_follows_the_fixed_pairwise_tree()
    {
        // Values whose sum depends on the order of additions (1e16 + 1 rounds to 1e16 in binary64).
        double[] x = [1e16, 1.0, 1.0, 1.0, -1e16];
        double expected = ((x[0] + x[1]) + (x[2] + x[3])) + x[4];   // the tree of 5 blocks: root level 3, right subtree holds block 4 alone
        Assert.Equal(expected, Sum(0, x));
        Assert.NotEqual(x[0] + x[1] + x[2] + x[3] + x[4], expected);   // a left fold differs: the tree is not a relabelled fold
        double[] y = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
        Assert.Equal(((y[0] + y[1]) + (y[2] + y[3])) + ((y[4] + y[5]) + y[6]), Sum(0, y));
        Assert.Equal(42.0, Sum(0, [42.0]));
    }

    [Fact]
    public void Cover_is_the_maximal_aligned_nodes_left_to_right()
    {
        Assert.Equal([(0, 3L), (2, 1L), (1, 4L)], BlockTree.Cover(3, 10));   // [3], [4, 8), [8, 10)
        Assert.Equal([(4, 0L)], BlockTree.Cover(0, 16));
        Assert.Equal([(2, 0L), (0, 4L)], BlockTree.Cover(0, 5));
        Assert.Empty(BlockTree.Cover(7, 7));
    }

    [Fact]
    public void Any_split_into_contiguous_parts_gives_the_same_bits()
    {
        Gen.Select(Gen.Double[-1e6, 1e6].Array[1, 300], Gen.Int[1, 12].Array[1, 20]).Sample((v, sizes) =>
        {
            double whole = Sum(0, v);
            var nodes = new List<BlockNode<Box>>();
            for (int start = 0, k = 0; start < v.Length; k++)
            {
                int end = Math.Min(v.Length, start + sizes[k % sizes.Length]);
                nodes.AddRange(BlockTree.ReduceRange(start, [.. v[start..end].Select(x => new Box(x))], Box.Combine));
                start = end;
            }
            nodes.Reverse();   // the merge may see the parts in any order
            return BitConverter.DoubleToInt64Bits(Root(nodes, v.Length)) == BitConverter.DoubleToInt64Bits(whole);
        }, iter: 300);
    }

    [Fact]
    public void A_missing_block_is_refused()
    {
        var nodes = BlockTree.ReduceRange(0, [new Box(1), new Box(2)], Box.Combine).Concat(BlockTree.ReduceRange(3, [new Box(4)], Box.Combine));
        Assert.Throws<InvalidDataException>(() => BlockTree.Root(nodes, 4, Box.Combine));
        var twice = BlockTree.ReduceRange(0, [new Box(1)], Box.Combine).Concat(BlockTree.ReduceRange(0, [new Box(1)], Box.Combine));
        Assert.Throws<InvalidDataException>(() => BlockTree.Root(twice, 1, Box.Combine));
    }

    [Fact]
    public void Stored_node_sums_read_back_bit_for_bit_and_a_truncated_file_is_refused()
    {
        string path = Path.Combine(TestScratch.NewDirectory("emiss-blocksums"), "sums.bin");
        try
        {
            double[][] values = [[0.1 + 0.2, double.Epsilon, -0.0], [1e308, 5e-324, 3.0]];
            var nodes = new List<BlockNode<double[]>> { new(2, 1, values[0]), new(0, 8, values[1]) };
            BlockSumsFile.Write(path, "test/1", nodes, BlockSumsFile.WriteDoubles);
            IReadOnlyList<BlockNode<double[]>> back = BlockSumsFile.Read(path, "test/1", r =>
            {
                var a = new double[3];
                BlockSumsFile.ReadDoubles(r, a);
                return a;
            });
            Assert.Equal([(2, 1L), (0, 8L)], back.Select(n => (n.Level, n.Index)));
            for (int i = 0; i < 2; i++)
                Assert.Equal(values[i].Select(BitConverter.DoubleToInt64Bits), back[i].Value.Select(BitConverter.DoubleToInt64Bits));
            Assert.Throws<InvalidDataException>(() => BlockSumsFile.Read(path, "other/1", r => 0));
            byte[] bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^5]);
            Assert.Throws<InvalidDataException>(() => BlockSumsFile.Read(path, "test/1", r =>
            {
                var a = new double[3];
                BlockSumsFile.ReadDoubles(r, a);
                return a;
            }));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
