namespace Emiss.Analysis.Blinding;

/// <summary>
/// One event of the unblinded signal box: every cut (i)–(iv) passed and (E_ECAL, E_HCAL) inside the box of the frozen
/// cuts. What a physicist looks at first when the box is opened (docs/physics/blinding.md#box-events); listed only by
/// <see cref="BlindDataSet.BoxEventsAsync"/>, which refuses while blind.
/// </summary>
/// <param name="Sample">Sample (event file without extension, e.g. <c>pbsc-srd</c>).</param>
/// <param name="Run">Run number.</param>
/// <param name="Event">Event index within the run (for pseudo-data the row's position in time order).</param>
/// <param name="EcalGeV">E_ECAL, GeV.</param>
/// <param name="HcalGeV">E_HCAL (first two modules), GeV.</param>
/// <param name="SrdMeV">SRD energy, MeV.</param>
/// <param name="TrackMomentumGeV">Track momentum, GeV.</param>
/// <param name="TrackThetaMrad">Incoming track angle, mrad.</param>
/// <param name="V2MeV">V2 energy, MeV.</param>
/// <param name="Weight">Event weight (1 for data; above 1 for capped pseudo-data sources).</param>
/// <param name="TrueProcess">The <c>true_process</c> code for event files Emiss generated (pseudo-data, simulation),
/// null for any other file: the truth of a box event is read only after unblinding.</param>
public sealed record BoxEvent(string Sample, int Run, long Event, double EcalGeV, double HcalGeV, double SrdMeV, double TrackMomentumGeV,
                              double TrackThetaMrad, double V2MeV, double Weight, int? TrueProcess);
