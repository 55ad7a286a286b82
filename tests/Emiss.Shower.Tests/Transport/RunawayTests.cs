using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Transport;
using Xunit;

namespace Emiss.Shower.Tests.Transport;

/// <summary>
/// A broken process must stop an event with an internal error that names the seed, stream and event to replay,
/// never hang it. The transport's bounds (TransportBounds) turn endless stepping into that error.
/// </summary>
public sealed class RunawayTests
{
    /// <summary>A broken process: it "interacts" every 10⁻⁹ cm and changes nothing, so a track never gets anywhere.</summary>
    private sealed class StuckProcess(ShowerSpecies species) : IProcess
    {
        public string Name => "test-stuck";

        public bool AppliesTo(ShowerSpecies particle) => particle == species;

        public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => AppliesTo(particle) ? 1e9 : 0.0;

        public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

        public Interaction Interact(in ParticleState incoming, ref EventRng rng) => Interaction.Unchanged(incoming);
    }

    /// <summary>A broken process that throws (a bug deep in physics code).</summary>
    private sealed class ThrowingProcess : IProcess
    {
        public string Name => "test-throwing";

        public bool AppliesTo(ShowerSpecies particle) => particle == ShowerSpecies.Electron;

        public double InverseMeanFreePathPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => AppliesTo(particle) ? 1.0 : 0.0;

        public double ContinuousLossGeVPerCm(int materialIndex, ShowerSpecies particle, double kineticGeV) => 0.0;

        public Interaction Interact(in ParticleState incoming, ref EventRng rng) => throw new InvalidOperationException("broken final state");
    }

    private static ShowerPhysics With(IProcess process) =>
        new(GeometryCatalog.Load("egs4-fe"), PhysicsOptions.Standard with { ExtraProcesses = [_ => process] });

    [Theory]
    [InlineData(ShowerSpecies.Electron, "charged stepping")]
    [InlineData(ShowerSpecies.Gamma, "photon tracking")]
    public void A_track_that_never_gets_anywhere_stops_at_the_step_bound_naming_the_event(ShowerSpecies species, string loop)
    {
        ShowerPhysics physics = With(new StuckProcess(species));
        var e = Assert.Throws<EmissInternalException>(() => ShowerRunner.Run(physics, species, 1.0, 1, seed: 5, firstEvent: 3));
        Assert.Contains($"{loop} did not finish within 1000000 iterations", e.Message, StringComparison.Ordinal);
        Assert.Contains("replay with seed 5, stream Shower, event 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_inside_an_event_becomes_an_internal_error_naming_the_run()
    {
        ShowerPhysics physics = With(new ThrowingProcess());
        var e = Assert.Throws<EmissInternalException>(() => ShowerRunner.Run(physics, ShowerSpecies.Electron, 1.0, 16, seed: 5, threads: 2, firstEvent: 40));
        Assert.Matches(@"^internal error in shower transport, seed 5, event 4\d \(InvalidOperationException: broken final state\)", e.Message);
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }
}
