namespace Emiss.Analysis.Limits;

/// <summary>The counting result and its statistical treatment.</summary>
/// <param name="ObservedEvents">Events in the (unblinded) signal box.</param>
/// <param name="ExpectedBackground">Expected background b.</param>
/// <param name="ConfidenceLevel">CL of the limit, e.g. 0.90.</param>
/// <param name="SignalYieldRelativeUncertainty">Relative signal-yield systematic for the Cousins–Highland variant.</param>
public sealed record CountingInput(int ObservedEvents, double ExpectedBackground, double ConfidenceLevel, double SignalYieldRelativeUncertainty);
