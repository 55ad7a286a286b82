using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Xunit;

namespace Emiss.Core.Tests.Diagnostics;

public sealed class LoopBoundTests
{
    [Fact]
    public void A_stream_generator_carries_its_key_and_a_seeded_one_does_not()
    {
        EventRng r = RngStreams.For(3, StreamKind.Beam, 708280);
        Assert.Equal(new RngStreamKey(3, StreamKind.Beam, 708280), r.Key);
        Assert.Equal("seed 3, stream Beam, event 708280", r.DescribeKey());
        Assert.Null(EventRng.FromSplitMix64(3).Key);
    }

    [Fact]
    public void The_key_does_not_change_the_numbers()
    {
        // RngStreams.For is FromSplitMix64 of the derived seed (RngStreams' documented construction) plus the label.
        ulong derived = SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(5) + (ulong)StreamKind.Shower) + 9);
        EventRng a = RngStreams.For(5, StreamKind.Shower, 9), b = EventRng.FromSplitMix64(derived);
        for (int i = 0; i < 8; i++) Assert.Equal(b.NextUInt64(), a.NextUInt64());
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    public void Poisson_with_an_impossible_mean_is_an_internal_error_naming_the_event(double mean)
    {
        // An infinite mean used to loop forever in the splitting loop (NA64 seed 3, event 708280).
        EventRng r = RngStreams.For(3, StreamKind.Beam, 708280);
        var e = Assert.Throws<EmissInternalException>(() => r.NextPoisson(mean));
        Assert.Contains("seed 3, stream Beam, event 708280", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceeded_names_the_loop_the_state_and_the_key()
    {
        EventRng r = RngStreams.For(7, StreamKind.Shower, 12);
        EmissInternalException e = LoopBound.Exceeded("test sampling", 100, in r, "k = 1 GeV");
        Assert.Equal("internal error: test sampling did not finish within 100 iterations (k = 1 GeV); replay with seed 7, stream Shower, event 12", e.Message);
    }

    [Fact]
    public void Event_failures_get_the_run_context_and_bound_errors_pass_through()
    {
        var inner = new InvalidOperationException("boom");
        Assert.True(EventFailure.NeedsContext(inner));
        EmissInternalException e = EventFailure.InEvent(inner, "simulate", 3, 708280);
        Assert.Same(inner, e.InnerException);
        Assert.Contains("seed 3, event 708280", e.Message, StringComparison.Ordinal);
        Assert.False(EventFailure.NeedsContext(e));
        Assert.False(EventFailure.NeedsContext(new OperationCanceledException()));
    }

    [Fact]
    public void A_parallel_event_loop_surfaces_its_internal_error_unwrapped()
    {
        var e = Assert.Throws<EmissInternalException>(() => EventFailure.Unwrapped(() => Parallel.For(0, 4, i =>
        {
            if (i == 2) throw new EmissInternalException("event 2 failed");
        })));
        Assert.Equal("event 2 failed", e.Message);
    }
}
