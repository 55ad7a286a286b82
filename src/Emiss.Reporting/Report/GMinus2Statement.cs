namespace Emiss.Reporting.Report;

/// <summary>
/// The seed's statement — the A′ explanation of the muon g−2 anomaly is excluded for m_A′ ≲ 100 MeV (PRL 118, 011802)
/// — checked on a limit curve: the sentence as the limit's outputs record it, and the mass up to which it holds.
/// </summary>
/// <param name="Text">The sentence, exactly as recorded beside the limit (e.g. the <c>g-2:</c> note of <c>limit.csv</c>).</param>
/// <param name="ExcludedUpToMeV">Largest scanned mass up to which every observed limit lies below the band's lower edge;
/// null when the band is not excluded at the lowest mass or the mediator has no band.</param>
/// <param name="EraText">The same statement for the same inputs with the production approximation of the seed's era
/// (improved Weizsäcker–Williams), as the limit's CSV records it (its <c>g-2 (iww yield …):</c> note); null when the limit
/// itself uses that approximation or no comparison was made.</param>
/// <param name="EraExcludedUpToMeV">The mass up to which <paramref name="EraText"/> holds.</param>
public sealed record GMinus2Statement(string Text, double? ExcludedUpToMeV, string? EraText = null, double? EraExcludedUpToMeV = null);
