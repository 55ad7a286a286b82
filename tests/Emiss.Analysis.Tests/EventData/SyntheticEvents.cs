using Emiss.Core.IO;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Storage.Events;

namespace Emiss.Analysis.Tests.EventData;

/// <summary>How a synthetic event is made: where it lies in (E_ECAL, E_HCAL) and which cut it fails (null: none).</summary>
internal sealed record EventSpec(double EcalGeV, double HcalGeV, CutStage? FailsAt = null, TrueProcess Process = TrueProcess.BeamElectron, int Run = 1);

/// <summary>
/// Event stores with hand-made rows whose cut outcome is known by construction: a passing row has exactly the seed
/// card's values (track on axis at 100 GeV, SRD 50 MeV in time, the template shower around the beam cell, quiet V2);
/// a failing row breaks exactly one cut.
/// </summary>
internal static class SyntheticEvents
{
    public const int CellsX = 6, CellsY = 6, HcalModules = 4, BeamCell = 3 + 6 * 3;

    /// <summary>The values of the built-in cut card Cuts/na64-2016.yaml (the CLI test checks the card loads to these).</summary>
    public static SelectionCuts SeedCuts() => Emiss.Testing.SeedCuts.Na64_2016();

    /// <summary>Fills row <paramref name="row"/> of <paramref name="b"/> from <paramref name="spec"/>.</summary>
    public static void Fill(EventBatch b, int row, long eventIndex, EventSpec spec)
    {
        SelectionCuts cuts = SeedCuts();
        b.Run[row] = spec.Run;
        b.Event[row] = eventIndex;
        b.Weight[row] = 1.0;
        b.TrueProcessCode[row] = (int)spec.Process;
        b.TruePdg[row] = 11;
        b.TrueEnergyGeV[row] = 100.0;
        b.Trigger[row] = spec.FailsAt == CutStage.PhysicsTrigger ? (int)TriggerBits.BeamCounters : (int)(TriggerBits.BeamCounters | TriggerBits.EcalCluster | TriggerBits.EcalBelowMax | TriggerBits.Physics);
        b.SrdEnergyMeV[row] = spec.FailsAt switch { CutStage.LooseSrd => 0.2, CutStage.Srd => 2.0, _ => 50.0 };
        b.SrdTimeNs[row] = 0.5;
        b.TrackOk[row] = true;
        b.TrackMomentumGeV[row] = 100.3;
        b.TrackThetaMrad[row] = spec.FailsAt == CutStage.Track ? 5.0 : 0.2;
        double e = spec.EcalGeV;
        b.EcalEnergyGeV[row] = e;
        b.EcalPreshowerGeV[row] = 0.1 * e;
        b.EcalTimeNs[row] = 0.0;
        int cells = CellsX * CellsY;
        b.EcalCellGeV.AsSpan(row * cells, cells).Clear();
        int centre = spec.FailsAt == CutStage.EcalShape ? BeamCell - 1 : BeamCell;
        for (int dy = -1, k = 0; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++, k++)
                b.EcalCellGeV[row * cells + centre + dx + CellsX * dy] = (float)(cuts.Ecal.ShapeFractions[k] * e);
        b.EcalMaxCell[row] = centre;
        b.V2EnergyMeV[row] = spec.FailsAt == CutStage.V2 ? 5.0 : 0.01;
        for (int k = 0; k < HcalModules; k++) b.HcalModuleGeV[row * HcalModules + k] = k < 2 ? 0.5 * spec.HcalGeV : 0.0;
        b.HcalEnergyGeV[row] = spec.HcalGeV;
        b.HcalTimeNs[row] = 0.0;
        b.TriggerEcalSumGeV[row] = e;
        b.Spill[row] = 0;
    }

    /// <summary>Writes <paramref name="specs"/> (event index = position) as an event store made by <paramref name="command"/>,
    /// <paramref name="rowGroup"/> rows per row group.</summary>
    public static async Task WriteAsync(string path, string command, IReadOnlyList<EventSpec> specs, int rowGroup = 1000)
    {
        var provenance = new Provenance(command, 1, "");
        await using EventStoreWriter w = await EventStoreWriter.CreateAsync(path, CellsX, CellsY, HcalModules, provenance, "{}");
        var b = new EventBatch(rowGroup, CellsX * CellsY, HcalModules);
        for (int i = 0; i < specs.Count; i++)
        {
            Fill(b, b.Count, i, specs[i]);
            b.Count++;
            if (b.Count == rowGroup)
            {
                await w.WriteAsync(b);
                b.Clear();
            }
        }
        await w.WriteAsync(b);
        await w.CompleteAsync();
    }

    /// <summary>The command recorded in pseudo-data files.</summary>
    public const string DataCommand = "emiss pseudodata --seed 1 --out data";

    /// <summary>The command recorded in simulated files.</summary>
    public const string SimulationCommand = "emiss simulate --events 10 --out mc.parquet";
}
