using CsCheck;
using Emiss.Core.Diagnostics;
using Emiss.Core.Sharding;
using Xunit;

namespace Emiss.Core.Tests.Sharding;

public class ShardSpecTests
{
    [Fact]
    public void Shards_partition_the_run_into_contiguous_block_aligned_ranges()
    {
        Gen.Select(Gen.Long[0, 1_000_000_000], Gen.Long[1, 10_000_000], Gen.Int[1, 5000], Gen.Int[1, 300]).Sample((first, events, block, count) =>
        {
            long blocks = (events + block - 1) / block;
            if (blocks < count) return;
            long next = first, smallest = long.MaxValue, largest = 0;
            for (int i = 0; i < count; i++)
            {
                var (start, n) = new ShardSpec(i, count).Range("--shard", first, events, block);
                Assert.Equal(next, start);                     // contiguous, in shard order
                Assert.Equal(0, (start - first) % block);       // starts on a block boundary
                Assert.True(n >= 1);
                if (i < count - 1) Assert.Equal(0, n % block);  // whole blocks except the run's last one
                next = start + n;
                smallest = Math.Min(smallest, n);
                largest = Math.Max(largest, n);
            }
            Assert.Equal(first + events, next);                 // covers the run exactly
            Assert.True(largest - smallest <= block, "shard sizes differ by at most one block");
        });
    }

    [Fact]
    public void One_shard_is_the_whole_run() => Assert.Equal((7L, 1001L), ShardSpec.Whole.Range("--shard", 7, 1001, 64));

    [Theory]
    [InlineData("3", "not of the form i/N")]
    [InlineData("a/4", "not of the form i/N")]
    [InlineData("-1/4", "not of the form i/N")]
    [InlineData("4/4", "shard index 4 is not below the number of shards 4")]
    [InlineData("0/0", "must be in [1, 100000]")]
    public void Malformed_shards_are_user_errors_naming_the_option(string text, string problem)
    {
        var e = Assert.Throws<UserInputException>(() => ShardSpec.Parse("--shard", text));
        Assert.StartsWith("--shard: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_shards_than_blocks_is_a_user_error()
    {
        var e = Assert.Throws<UserInputException>(() => new ShardSpec(0, 16).Range("--shard", 0, 100, 10));
        Assert.Contains("10 block(s) of 10, fewer than the 16 shards", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_names_sort_in_shard_order() =>
        Assert.Equal(["shard-0002-of-0016", "shard-0010-of-0016"], new[] { new ShardSpec(10, 16).DirectoryName, new ShardSpec(2, 16).DirectoryName }.Order(StringComparer.Ordinal));
}
