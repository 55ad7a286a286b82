using Emiss.Analysis.Limits;
using Emiss.Analysis.Projections;
using Emiss.Core.IO;
using Emiss.Core.Materials;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;
using Emiss.Testing;

namespace Emiss.Analysis.Tests.Projections;

/// <summary>A projection request on three masses whose yield table is a closed form n(m) = c/m², stored in a temporary cache,
/// so that the projection reads it instead of computing cross sections.</summary>
internal sealed class ProjectionFixture : IDisposable
{
    public static readonly double[] Masses = [1, 10, 100];
    public static readonly ProjectionSetting Setting = new(BeamParticle.Electron, 100, MaterialCatalog.Lead, Mediator.Vector);

    public ProjectionFixture()
    {
        Directory = TestScratch.NewDirectory("emiss-projection-test-");
        Cache = new YieldTableCache(Directory);
        Spec = new YieldSpec(ProductionApproximation.ExactTreeLevel, 0.5, Masses, YieldMethod.Analytic, GeometryCatalog.Load("na64-ecal"), 1000, 1, false, 0.5);
        Inputs = YieldTableInputs.For(Setting, Spec);
        Cache.Write(new YieldTable(Inputs, Masses, Masses.Select(m => 1e-3 / (m * m)).ToArray(), new double[Masses.Length], "closed form c/m^2"), Provenance);
    }

    public static Provenance Provenance { get; } = new("test", 1, "");

    public string Directory { get; }

    public YieldTableCache Cache { get; }

    public YieldSpec Spec { get; }

    public YieldTableInputs Inputs { get; }

    public ProjectionRequest Request(double[] eot, BackgroundScaling background) =>
        new(eot, [Setting], Spec, new EfficiencyNodes([1.0], [0.5]), background, 0.90);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
