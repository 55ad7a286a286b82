using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;
using Emiss.Signal.Tables;

namespace Emiss.Signal.Tests;

/// <summary>
/// Shared, immutable inputs: the pb-thick geometry (40 X0 of lead) and vector IWW A′ tables at 10 MeV for a
/// 100 GeV beam with E_cut = 50 GeV. IWW is used because its dσ/dx is closed form (independent check of the
/// sampling) and cheap; the ETL path shares all Monte Carlo code.
/// </summary>
public sealed class SignalFixture
{
    public SignalFixture()
    {
        Lead = GeometryCatalog.Load("pb-thick");
        Model = new ImprovedWwModel(Mediator.Vector);
        Tables10MeV = SignalTables.Build(Model, Lead.Materials, Mass.FromMeV(10), Energy.FromGeV(100));
    }

    public SlabStack Lead { get; }

    public IDarkProductionModel Model { get; }

    public SignalTables Tables10MeV { get; }
}
