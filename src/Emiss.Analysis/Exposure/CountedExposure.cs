namespace Emiss.Analysis.Exposure;

/// <summary>How a run's reference triggers translate into beam electrons.</summary>
/// <param name="Prescale">Reference-trigger prescale (one beam particle in this many fires it).</param>
/// <param name="ElectronEfficiency">Probability that a beam electron's reference event is identified as an electron (<see cref="ReferenceElectronEfficiency"/>).</param>
/// <param name="ElectronEfficiencyError">Its statistical error.</param>
public sealed record ReferenceCalibration(double Prescale, double ElectronEfficiency, double ElectronEfficiencyError);

/// <summary>The electrons on target of one run counted from its recorded reference events.</summary>
/// <param name="Run">Run (sample) name.</param>
/// <param name="ReferenceEvents">Recorded reference-trigger events identified as electrons (E_ECAL above the physics trigger's ceiling).</param>
/// <param name="Calibration">Prescale and electron-identification efficiency.</param>
/// <param name="LiveFraction">DAQ live fraction of the run, averaged over its spills with the spills' beam particles as weights.</param>
/// <param name="CountedEot">N_ref × prescale / (live fraction × identification efficiency): the electrons delivered on target.</param>
/// <param name="StatError">CountedEot × √(1/N_ref + (σ_id/ε_id)²): the Poisson error of the count and the Monte Carlo error of ε_id.</param>
public sealed record CountedExposure(string Run, long ReferenceEvents, ReferenceCalibration Calibration, double LiveFraction, double CountedEot, double StatError)
{
    /// <summary>Electrons on target while the DAQ was live: the exposure in which a signal event could be recorded, the
    /// normalisation of a signal efficiency that contains no dead-time factor.</summary>
    public double LiveEot => CountedEot * LiveFraction;
}
