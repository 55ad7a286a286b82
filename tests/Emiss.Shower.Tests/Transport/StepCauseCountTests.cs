using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Xunit;

namespace Emiss.Shower.Tests.Transport;

public class StepCauseCountTests
{
    [Fact]   // every charged step is booked under exactly one cause and band, and only a profiling run books them
    public void Step_causes_add_up_to_the_charged_steps()
    {
        ShowerPhysics physics = TestShowers.Physics("na64-ecal");
        ShowerRunResult prof = ShowerRunner.Run(physics, ShowerSpecies.Electron, 0.5, 3, 17, 1, profile: true);
        ShowerRunResult plain = ShowerRunner.Run(physics, ShowerSpecies.Electron, 0.5, 3, 17, 1);
        Assert.Equal(StepCauseCounts.Length, prof.StepCauseCounts.Length);
        Assert.Equal(prof.Sums.ChargedSteps, prof.StepCauseCounts.Sum());
        Assert.True(prof.StepCauseCounts[StepCauseCounts.Index(StepCause.SlabFace, 0.1)] > 0);
        Assert.Empty(plain.StepCauseCounts);
        Assert.Equal(plain.Sums.ChargedSteps, prof.Sums.ChargedSteps);   // profiling does not change the transport
    }

    [Theory]
    [InlineData(2.9e-4, 0)]
    [InlineData(3e-4, 1)]
    [InlineData(5e-3, 2)]
    [InlineData(0.1, 4)]
    [InlineData(100.0, 4)]
    public void Energy_bands_are_closed_below(double kineticGeV, int band) =>
        Assert.Equal((int)StepCause.MscLimit * StepCauseCounts.Bands + band, StepCauseCounts.Index(StepCause.MscLimit, kineticGeV));
}
