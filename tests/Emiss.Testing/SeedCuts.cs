using Emiss.Events.Selection;

namespace Emiss.Testing;

/// <summary>The values of the built-in cut card src/Emiss.Cli/Cuts/na64-2016.yaml, written out once for library tests
/// that cannot load the CLI's cards (the CLI tests check that the card loads to the seed's box and cut values).</summary>
public static class SeedCuts
{
    /// <summary>A fresh copy of the na64-2016 cut values.</summary>
    public static SelectionCuts Na64_2016() => new()
    {
        Trigger = new TriggerCut { RequirePhysics = true },
        LooseSrd = new LooseSrdCut { MinMeV = 1.0, TimeWindowNs = 20.0 },
        Track = new TrackCut { ThetaMaxMrad = 3.0, MomentumGeV = 100.0, MomentumHalfWidthGeV = 10.0 },
        Srd = new SrdCut { MinMeV = 3.0, MaxMeV = 240.0, TimeWindowNs = 10.0 },
        Ecal = new EcalShapeCut
        {
            BeamCellX = 3, BeamCellY = 3, PreshowerMinGeV = 0.7, ContainmentMin = 0.94, MinEnergyGeV = 1.0,
            PreshowerMinTable = new PreshowerThresholdTable
            {
                EnergiesGeV = [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150],
                MinGeV = [0.06329, 0.09818, 0.1249, 0.1668, 0.2013, 0.2444, 0.3057, 0.3573, 0.4342, 0.5476, 0.6198, 0.7, 0.8318],
            },
            ShapeFractions = [0.00699, 0.0281, 0.00744, 0.0333, 0.822, 0.0431, 0.00687, 0.0281, 0.00757],
            ShapeSigmas = [0.00376, 0.0162, 0.00427, 0.0347, 0.0518, 0.0517, 0.00378, 0.0160, 0.00432],
            ReferenceEnergyGeV = 100.0, Chi2Max = 3.9,
        },
        V2 = new VetoCut { MaxMeV = 0.8 },
        Regions = new SignalRegions { EcalMaxGeV = 50.0, HcalMaxGeV = 1.0, SidebandCEcalMaxGeV = 80.0 },
    };
}
