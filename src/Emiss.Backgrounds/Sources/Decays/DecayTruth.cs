using Emiss.Detector.Beam;

namespace Emiss.Backgrounds.Sources.Decays;

/// <summary>What the last decay in flight was (truth, for validation and reports).</summary>
/// <param name="Parent">Decaying species.</param>
/// <param name="Channel">Channel name.</param>
/// <param name="DecayZCm">z of the decay point, cm (ECAL face at 0).</param>
/// <param name="ParentEnergyGeV">Parent energy at the decay, GeV.</param>
/// <param name="NeutrinoEnergyGeV">Energy carried by neutrinos, GeV.</param>
/// <param name="Weight">Importance weight of the decay (1 when unbiased).</param>
/// <param name="SrdAbsorbedGeV">Energy of the daughters absorbed by the SRD (decays upstream of it), GeV.</param>
/// <param name="CounterMissed">Whether a trigger counter downstream of the decay saw no charged daughter.</param>
public readonly record struct DecayTruth(DetectorSpecies Parent, string Channel, double DecayZCm, double ParentEnergyGeV, double NeutrinoEnergyGeV, double Weight,
                                        double SrdAbsorbedGeV = 0, bool CounterMissed = false);
