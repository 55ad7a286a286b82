namespace Emiss.Analysis.Exposure;

/// <summary>The electrons on target of one run counted from its recorded reference events.</summary>
/// <param name="Run">Run (sample) name.</param>
/// <param name="ReferenceEvents">Recorded reference-trigger events identified as electrons (E_ECAL above the physics trigger's ceiling).</param>
/// <param name="Prescale">Reference-trigger prescale (one beam particle in this many fires it).</param>
/// <param name="LiveFraction">DAQ live fraction of the run, averaged over its spills with the spills' beam particles as weights.</param>
/// <param name="CountedEot">N_ref × prescale / live fraction: the electrons delivered on target.</param>
/// <param name="StatError">√N_ref × prescale / live fraction (Poisson error of the count).</param>
public sealed record CountedExposure(string Run, long ReferenceEvents, double Prescale, double LiveFraction, double CountedEot, double StatError)
{
    /// <summary>Electrons on target while the DAQ was live (= N_ref × prescale): the exposure in which a signal event
    /// could be recorded, the normalisation of a signal efficiency that contains no dead-time factor.</summary>
    public double LiveEot => CountedEot * LiveFraction;
}
