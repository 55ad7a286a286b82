namespace Emiss.Reporting.Report;

/// <summary>The 90 % CL upper limit on ε at one mass: observed and expected (median, ±1σ, ±2σ), as in <c>limit.csv</c>.</summary>
/// <param name="MassMeV">A′ mass in MeV (<c>mA_MeV</c>).</param>
/// <param name="Observed">Observed limit (<c>eps90</c>).</param>
/// <param name="ExpectedMedian">Expected limit, median.</param>
/// <param name="ExpectedMinus1Sigma">Expected, −1σ edge.</param>
/// <param name="ExpectedPlus1Sigma">Expected, +1σ edge.</param>
/// <param name="ExpectedMinus2Sigma">Expected, −2σ edge.</param>
/// <param name="ExpectedPlus2Sigma">Expected, +2σ edge.</param>
public sealed record LimitRow(
    double MassMeV,
    double Observed,
    double ExpectedMedian,
    double ExpectedMinus1Sigma,
    double ExpectedPlus1Sigma,
    double ExpectedMinus2Sigma,
    double ExpectedPlus2Sigma);
