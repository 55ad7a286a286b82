namespace Emiss.Signal.Run;

/// <summary>Progress of a <see cref="SignalCampaign"/>: a stage finished at a mass.</summary>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="Stage">The finished stage.</param>
public sealed record SignalCampaignProgress(double MassMeV, SignalCampaignStage Stage);
